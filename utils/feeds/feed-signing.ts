/**
 * Optional signing of a feed's index (Ed25519 through WebCrypto, which Chrome, Firefox and Node all
 * have). The signature of the exact bytes of index.json sits beside it in index.sig; the shard hashes
 * in the index then protect the rest. A feed added with its public key accepts only an index signed by
 * it, so a feed whose host is compromised cannot rewrite the briefs, or the links they send readers to.
 */
const ALGORITHM = { name: 'Ed25519' } as const;
const encoder = new TextEncoder();

const toBase64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = (text: string) => Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));

/** A new key pair: the public key as base64 (what readers paste), the private one as a JWK (kept secret). */
export async function generateFeedKeys(): Promise<{ publicKey: string; privateKey: JsonWebKey }> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  return {
    publicKey: toBase64(await crypto.subtle.exportKey('raw', pair.publicKey)),
    privateKey: await crypto.subtle.exportKey('jwk', pair.privateKey),
  };
}

export async function signIndex(indexText: string, privateKey: JsonWebKey): Promise<string> {
  const key = await crypto.subtle.importKey('jwk', privateKey, ALGORITHM, false, ['sign']);
  return toBase64(await crypto.subtle.sign(ALGORITHM, key, encoder.encode(indexText)));
}

/** Whether `signature` is `publicKey`'s over the exact bytes of the index. A malformed key or signature is not. */
export async function verifyIndex(indexText: string, signature: string, publicKey: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64(publicKey), ALGORITHM, false, ['verify']);
    return await crypto.subtle.verify(ALGORITHM, key, fromBase64(signature), encoder.encode(indexText));
  } catch {
    return false;
  }
}

/** A public key as readers paste it: 32 bytes in base64. */
export function isPublicKey(text: string): boolean {
  try {
    return fromBase64(text).length === 32;
  } catch {
    return false;
  }
}
