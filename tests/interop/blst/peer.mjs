// Differential-test peer: answers JSON-line requests on stdin with @chainsafe/blst results on stdout.
// Each request is {id, op, ...}; each reply is {id, ...} or {id, error}.
import { createInterface } from "node:readline";
import blst from "@chainsafe/blst";

const { SecretKey, PublicKey, Signature, verify, fastAggregateVerify, aggregateSignatures, verifyMultipleAggregateSignatures } = blst;
const hex = (bytes) => Buffer.from(bytes).toString("hex");
const bytes = (text) => Uint8Array.from(Buffer.from(text, "hex"));

function verifyOne(pk, msg, sig) {
  try {
    return verify(bytes(msg), PublicKey.fromBytes(bytes(pk), true), Signature.fromBytes(bytes(sig), true));
  } catch {
    return false;
  }
}

const handlers = {
  sign: ({ sks, msgs }) => {
    const keys = sks.map((sk) => SecretKey.fromBytes(bytes(sk)));
    return {
      pks: keys.map((k) => hex(k.toPublicKey().toBytes(true))),
      sigs: keys.map((k, i) => hex(k.sign(bytes(msgs[i])).toBytes(true))),
    };
  },
  verify: ({ cases }) => ({ results: cases.map(({ pk, msg, sig }) => verifyOne(pk, msg, sig)) }),
  aggregate: ({ groups }) => ({
    sigs: groups.map((sigs) => hex(aggregateSignatures(sigs.map((s) => Signature.fromBytes(bytes(s), true))).toBytes(true))),
  }),
  fastAggregateVerify: ({ cases }) => ({
    results: cases.map(({ pks, msg, sig }) => {
      try {
        return fastAggregateVerify(bytes(msg), pks.map((pk) => PublicKey.fromBytes(bytes(pk), true)), Signature.fromBytes(bytes(sig), true));
      } catch {
        return false;
      }
    }),
  }),
  batchVerify: ({ sets }) => {
    try {
      return {
        result: verifyMultipleAggregateSignatures(
          sets.map(({ pk, msg, sig }) => ({ msg: bytes(msg), pk: PublicKey.fromBytes(bytes(pk), true), sig: Signature.fromBytes(bytes(sig), true) })),
        ),
      };
    } catch {
      return { result: false };
    }
  },
};

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const request = JSON.parse(line);
  let reply;
  try {
    const handler = handlers[request.op];
    reply = handler ? { id: request.id, ...handler(request) } : { id: request.id, error: `unknown op ${request.op}` };
  } catch (e) {
    reply = { id: request.id, error: String(e) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
