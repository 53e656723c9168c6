// The package ships no types; this declares the part Outpost uses (reading the binary manifest).
declare module '@devicefarmer/adbkit-apkreader' {
  interface ManifestIntentFilter {
    actions: Array<{ name: string }>;
    categories: Array<{ name: string }>;
  }
  interface ManifestActivity {
    name: string;
    intentFilters?: ManifestIntentFilter[];
  }
  export interface ApkManifest {
    package: string;
    versionCode: number;
    versionName?: string;
    usesSdk?: { minSdkVersion?: number; targetSdkVersion?: number };
    application?: { label?: string | number; activities?: ManifestActivity[]; activityAliases?: ManifestActivity[] };
  }
  interface ApkReader {
    readManifest(): PromiseLike<ApkManifest>;
  }
  const ApkReaderStatic: { open(apk: string | Buffer): PromiseLike<ApkReader> };
  export default ApkReaderStatic;
}
