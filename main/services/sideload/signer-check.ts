import type { CommandLimits, HeadsetBridge, HeadsetDetails } from '../headsets/headset-bridge';
import type { Preflight } from './preflight';
import type { SideloadRequest } from './sideload-types';

/**
 * An update must be signed like the installed copy or pm refuses it after the whole push
 * (INSTALL_FAILED_UPDATE_INCOMPATIBLE). Compared before a byte moves; when the instructor chose
 * "uninstall first", the other copy is removed instead and the install goes on.
 */
export async function signerCheck(bridge: HeadsetBridge, request: SideloadRequest, details: HeadsetDetails, limits: CommandLimits): Promise<Preflight> {
  const { apk, serial } = request;
  if (apk.signature_hash === null || !details.installed.some((p) => p.package_name === apk.package_name)) return { kind: 'go' };
  const installed = await bridge.installedSignatures(serial, apk.package_name, limits);
  if (installed === null || installed.length === 0 || installed.includes(apk.signature_hash)) return { kind: 'go' };
  if (request.uninstallFirst) {
    if (await bridge.uninstall(serial, apk.package_name, limits)) return { kind: 'go' };
    return { kind: 'refuse', code: 'UNINSTALL_FAILED', message: `The headset did not uninstall its copy of ${apk.package_name}` };
  }
  return {
    kind: 'refuse',
    code: 'INSTALL_FAILED_UPDATE_INCOMPATIBLE',
    message: `The copy of ${apk.package_name} on the headset is signed by a different certificate (${installed.join(', ')}, this APK ${apk.signature_hash}); uninstall it first?`,
  };
}
