// Gossipsub benchmark with js-libp2p nodes in this one process, mirroring the C# harness in
// benchmarks/NativeDvt.Libp2p.Benchmarks: propagation latency along a chain and two-node throughput.
//   node gossip-bench.mjs --nodes 5 --messages 1000 --throughput 20000 --size 200
// Prints one JSON line: {"p50_ms":…,"p99_ms":…,"throughput_msgs_per_s":…}.

if (!Promise.withResolvers) {
  Promise.withResolvers = function () {
    let resolve, reject
    const promise = new Promise((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}

import { createHash } from 'node:crypto'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { gossipsub } from '@chainsafe/libp2p-gossipsub'

const opts = { nodes: 5, messages: 1000, throughput: 20000, size: 200 }
for (let i = 2; i < process.argv.length; i += 2) opts[process.argv[i].replace(/^--/, '')] = Number(process.argv[i + 1])
const TOPIC = 'bench'

async function makeNode () {
  const node = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: {
      identify: identify(),
      pubsub: gossipsub({
        globalSignaturePolicy: 'StrictNoSign',
        msgIdFn: (msg) => createHash('sha256').update(msg.data).digest(),
        allowPublishToZeroTopicPeers: true,
        D: 8, Dlo: 6, Dhi: 12, Dlazy: 6, heartbeatInterval: 700, mcacheLength: 6, mcacheGossip: 3
      })
    }
  })
  node.services.pubsub.subscribe(TOPIC)
  await node.start()
  return node
}

async function chain (n) {
  const nodes = []
  for (let i = 0; i < n; i++) {
    nodes.push(await makeNode())
    if (i > 0) await nodes[i].dial(nodes[i - 1].getMultiaddrs()[0])
  }
  for (let i = 1; i < n; i++) {
    const a = nodes[i - 1].services.pubsub
    const b = nodes[i].services.pubsub
    const aId = nodes[i - 1].peerId.toString()
    const bId = nodes[i].peerId.toString()
    while (!a.getMeshPeers(TOPIC).includes(bId) || !b.getMeshPeers(TOPIC).includes(aId)) await new Promise(r => setTimeout(r, 20))
  }
  return nodes
}

function payload (seq, size) {
  const data = new Uint8Array(size)
  new DataView(data.buffer).setUint32(0, seq)
  new DataView(data.buffer).setUint32(4, Math.floor(Math.random() * 2 ** 32))
  return data
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]

const line = await chain(opts.nodes)
let waiting = null
line[opts.nodes - 1].services.pubsub.addEventListener('gossipsub:message', () => { if (waiting) waiting() })
const latencies = []
for (let i = 0; i < opts.messages; i++) {
  const arrived = new Promise(resolve => { waiting = resolve })
  const start = process.hrtime.bigint()
  await line[0].services.pubsub.publish(TOPIC, payload(i, 16))
  await arrived
  latencies.push(Number(process.hrtime.bigint() - start) / 1e6)
}
for (const node of line) await node.stop()
latencies.sort((a, b) => a - b)

const pair = await chain(2)
let received = 0
const { promise: done, resolve: finish } = Promise.withResolvers()
pair[1].services.pubsub.addEventListener('gossipsub:message', () => { if (++received === opts.throughput) finish() })
const start = process.hrtime.bigint()
for (let i = 0; i < opts.throughput; i++) await pair[0].services.pubsub.publish(TOPIC, payload(i, opts.size))
await done
const seconds = Number(process.hrtime.bigint() - start) / 1e9
for (const node of pair) await node.stop()

process.stdout.write(JSON.stringify({ p50_ms: percentile(latencies, 0.5), p99_ms: percentile(latencies, 0.99), throughput_msgs_per_s: opts.throughput / seconds }) + '\n')
process.exit(0)
