package cn.sedx.gateway.signing;

/**
 * One payload entry as a manifest lists it.
 *
 * @param name the ZIP entry name
 * @param mediaType its media type
 * @param size its uncompressed size in bytes
 * @param digest base64 of its digest (the manifest's digest algorithm)
 */
record ManifestEntry(String name, String mediaType, long size, String digest) {}
