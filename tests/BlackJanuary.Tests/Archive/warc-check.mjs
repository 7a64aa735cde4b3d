// Reads a WARC with Webrecorder's warcio (not with our code) and prints, as JSON, what it found:
// every record with its digests checked here, from the bytes warcio hands over, and whether
// warcio's own CDXJ indexer makes the same index as the archive's.
// Usage: node warc-check.mjs <warcio package folder> <data.warc.gz> <index.cdx>
import { createHash } from "node:crypto";
import { createReadStream, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [warcioDir, warcPath, cdxPath] = process.argv.slice(2);
const { WARCParser, CDXIndexer } = await import(pathToFileURL(join(warcioDir, "dist", "index.js")).href);

const sha256 = (bytes) => "sha256:" + createHash("sha256").update(bytes).digest("hex");

// The block (HTTP head and body) of each record, as warcio reads it without parsing HTTP.
const blocks = [];
for await (const record of new WARCParser(createReadStream(warcPath), { parseHttp: false })) {
  blocks.push(await record.readFully(false));
}

const records = [];
let i = 0;
for await (const record of new WARCParser(createReadStream(warcPath))) {
  const payload = await record.readFully(false);
  const block = blocks[i++];
  records.push({
    type: record.warcType,
    id: record.warcHeader("WARC-Record-ID"),
    date: record.warcDate,
    url: record.warcTargetURI ?? null,
    status: record.httpHeaders ? record.httpHeaders.statusCode : null,
    contentType: record.httpHeaders ? record.httpHeaders.headers.get("Content-Type") : null,
    contentLength: record.httpHeaders ? Number(record.httpHeaders.headers.get("Content-Length")) : null,
    payloadLength: payload.length,
    payloadDigest: sha256(payload),
    payloadDigestHeld: record.warcPayloadDigest ? record.warcPayloadDigest === sha256(payload) : null,
    blockDigestHeld: record.warcBlockDigest === sha256(block),
    blockLength: block.length,
    contentLengthHeld: record.warcContentLength === block.length,
  });
}

// warcio's index of the same file, line by line against the archive's (fields compared as parsed JSON).
const indexer = new CDXIndexer({ format: "cdxj" });
const made = [];
for await (const entry of indexer.iterIndex([{ filename: "data.warc.gz", reader: createReadStream(warcPath) }])) {
  made.push(indexer.serializeCDXJ(entry).trimEnd());
}

const split = (line) => {
  const [key, ts, ...rest] = line.split(" ");
  return { key, ts, fields: JSON.parse(rest.join(" ")) };
};
const ours = readFileSync(cdxPath, "utf8").split("\n").filter((l) => l.length > 0).map(split);
const theirs = made.sort().map(split);
const indexDifferences = [];
for (let n = 0; n < Math.max(ours.length, theirs.length); n++) {
  const a = JSON.stringify(ours[n] ?? null, Object.keys(ours[n]?.fields ?? {}).sort().concat(["key", "ts", "fields"]));
  const b = JSON.stringify(theirs[n] ?? null, Object.keys(theirs[n]?.fields ?? {}).sort().concat(["key", "ts", "fields"]));
  if (a !== b) indexDifferences.push({ ours: a, warcio: b });
}

console.log(JSON.stringify({ records, indexLines: theirs.length, indexDifferences }));
