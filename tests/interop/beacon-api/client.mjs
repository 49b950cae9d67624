// Reads the devnet's Beacon API with Lodestar's client, which checks every response against the standard's types,
// and prints what it read as one JSON line. Usage: node client.mjs BASE_URL
import { getClient } from "@lodestar/api";
import { config } from "@lodestar/config/default";

const baseUrl = process.argv[2];
const api = getClient({ baseUrl }, { config });
const out = {};

async function read(name, call) {
  try {
    out[name] = await call();
  } catch (error) {
    out[name] = { error: String(error?.message ?? error) };
  }
}

const plain = value => JSON.parse(JSON.stringify(value, (_, v) => typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? "0x" + Buffer.from(v).toString("hex") : v));

await read("version", async () => (await api.node.getNodeVersion()).value().version);
await read("syncing", async () => plain((await api.node.getSyncingStatus()).value()));
await read("identity", async () => plain((await api.node.getNetworkIdentity()).value()));
await read("genesis", async () => plain((await api.beacon.getGenesis()).value()));
await read("headRoot", async () => plain((await api.beacon.getBlockRoot({ blockId: "head" })).value()));
await read("header", async () => plain((await api.beacon.getBlockHeader({ blockId: "head" })).value()));
await read("finality", async () => plain((await api.beacon.getStateFinalityCheckpoints({ stateId: "head" })).value()));
await read("validators", async () => plain((await api.beacon.getStateValidators({ stateId: "head" })).value()));
await read("validator0", async () => plain((await api.beacon.getStateValidator({ stateId: "head", validatorId: 0 })).value()));
await read("headEvent", () => new Promise((resolve, reject) => {
  const controller = new AbortController();
  const timer = setTimeout(() => { controller.abort(); reject(new Error("no head event within 30 s")); }, 30000);
  api.events.eventstream({
    topics: ["head"],
    signal: controller.signal,
    onEvent: event => { clearTimeout(timer); controller.abort(); resolve(plain(event)); },
    onError: error => { clearTimeout(timer); controller.abort(); reject(error); },
  }).catch(() => {});
}));

console.log(JSON.stringify(out));
process.exit(0);
