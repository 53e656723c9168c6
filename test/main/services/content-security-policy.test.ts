import { describe, expect, it } from 'vitest';
import { rendererCsp } from '../../../main/services/content-security-policy';

function directives(csp: string): Map<string, string> {
  return new Map(csp.split('; ').map((d) => [d.slice(0, d.indexOf(' ')), d.slice(d.indexOf(' ') + 1)]));
}

describe('rendererCsp', () => {
  it('allows only our own scripts: no inline, no eval, no remote (our own WebAssembly may compile)', () => {
    const policy = directives(rendererCsp());
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(rendererCsp().replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-(inline|eval|hashes)|https?:|\*/);
  });

  it('lets the renderer connect to main only (its own origin), never to the network', () => {
    expect(directives(rendererCsp()).get('connect-src')).toBe("'self'");
  });
});
