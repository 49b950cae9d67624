// Times @chainsafe/blst on the operations of the C# BLS benchmark, from serialized inputs as the
// C# API takes them (keys and signatures decoded and validated inside each timed call).
// Input: a JSON file path (argv[2]) with {sk, msg, sks7, sigs7, pks7, batch:{pks,msgs,sigs}} in hex.
// Output: one JSON line {op: {cpu, wall}} in microseconds per operation.
import { readFileSync } from "node:fs";
import blst from "@chainsafe/blst";

const { SecretKey, PublicKey, Signature, verify, fastAggregateVerify, aggregateSerializedSignatures, verifyMultipleAggregateSignatures } = blst;
const bytes = (text) => Uint8Array.from(Buffer.from(text, "hex"));
const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const minMs = Number(process.argv[3] ?? 1500);

// Microseconds per operation as process CPU time and as wall time, each the fastest of ~100 ms batches over at
// least minMs, after a 1.5 s warm-up (the same procedure as the C# side).
function time(fn, perCall = 1) {
  const warmUp = Date.now();
  do fn(); while (Date.now() - warmUp < 1500);
  let cpuBest = Infinity;
  let wallBest = Infinity;
  const start = Date.now();
  do {
    let n = 0;
    const cpu = process.cpuUsage();
    const wallStart = process.hrtime.bigint();
    const batchStart = Date.now();
    do {
      fn();
      n++;
    } while (Date.now() - batchStart < 100);
    const wall = Number(process.hrtime.bigint() - wallStart) / 1000;
    const used = process.cpuUsage(cpu);
    cpuBest = Math.min(cpuBest, (used.user + used.system) / n / perCall);
    wallBest = Math.min(wallBest, wall / n / perCall);
  } while (Date.now() - start < minMs);
  return { cpu: cpuBest, wall: wallBest };
}

const sk = SecretKey.fromBytes(bytes(input.sk));
const msg = bytes(input.msg);
const pkBytes = bytes(input.pk);
const sigBytes = bytes(input.sig);
const sigs7 = input.sigs7.map(bytes);
const pks7 = input.pks7.map(bytes);
const agg7 = bytes(input.agg7);
const batch = input.batch.pks.map((pk, i) => ({ pk: bytes(pk), msg: bytes(input.batch.msgs[i]), sig: bytes(input.batch.sigs[i]) }));

const checks = {
  verify: verify(msg, PublicKey.fromBytes(pkBytes, true), Signature.fromBytes(sigBytes, true)),
  fastAggregateVerify: fastAggregateVerify(msg, pks7.map((p) => PublicKey.fromBytes(p, true)), Signature.fromBytes(agg7, true)),
};
if (!checks.verify || !checks.fastAggregateVerify) throw new Error("benchmark inputs do not verify under blst");

const results = {
  sign: time(() => sk.sign(msg).toBytes(true)),
  verify: time(() => verify(msg, PublicKey.fromBytes(pkBytes, true), Signature.fromBytes(sigBytes, true))),
  aggregate7: time(() => aggregateSerializedSignatures(sigs7, true).toBytes(true)),
  fastAggregateVerify7: time(() => fastAggregateVerify(msg, pks7.map((p) => PublicKey.fromBytes(p, true)), Signature.fromBytes(agg7, true))),
  publicKeyFromBytes: time(() => PublicKey.fromBytes(pkBytes, true)),
  signatureFromBytes: time(() => Signature.fromBytes(sigBytes, true)),
  batchVerify64PerSig: time(
    () => verifyMultipleAggregateSignatures(batch.map(({ pk, msg, sig }) => ({ msg, pk: PublicKey.fromBytes(pk, true), sig: Signature.fromBytes(sig, true) }))),
    batch.length,
  ),
};
process.stdout.write(JSON.stringify(results) + "\n");
