// A js-libp2p gossipsub peer driven over stdin/stdout, with the same interface as `ndvt p2p peer`:
//   node gossip-peer.mjs --listen /ip4/127.0.0.1/tcp/0 --topic NAME [--dial MULTIADDR]... [--raw]
// stdout: "listening <multiaddr>/p2p/<id>", then one JSON line per received message
//   {"from":"<peer id>","topic":"...","data":"<hex>"}.
// stdin: a hex line publishes those bytes (snappy-compressed unless --raw); a JSON line is a command:
//   {"cmd":"dial","addr":"..."}, {"cmd":"publish-raw","data":"<hex>"} (payload sent as given),
//   {"cmd":"score","peer":"<id>"}, {"cmd":"mesh"}, {"cmd":"peers"}, {"cmd":"msgid","topic":"...","data":"<hex>"}; replies are JSON lines with a "reply" key.
// Default mode uses the Ethereum (Altair) message id over snappy-decoded data; --raw uses SHA-256(data).

if (!Promise.withResolvers) {
  // Node 20 lacks Promise.withResolvers, which libp2p 2.x uses.
  Promise.withResolvers = function () {
    let resolve, reject
    const promise = new Promise((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}

import { createHash } from 'node:crypto'
import { createInterface } from 'node:readline'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { gossipsub } from '@chainsafe/libp2p-gossipsub'
import { multiaddr } from '@multiformats/multiaddr'

const GOSSIP_MAX_SIZE = 10 * 1024 * 1024
const DOMAIN_VALID_SNAPPY = Uint8Array.of(1, 0, 0, 0)
const DOMAIN_INVALID_SNAPPY = Uint8Array.of(0, 0, 0, 0)

function parseArgs (argv) {
  const args = { listen: '/ip4/127.0.0.1/tcp/0', topic: null, dial: [], raw: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--listen') args.listen = argv[++i]
    else if (a === '--topic') args.topic = argv[++i]
    else if (a === '--dial') args.dial.push(argv[++i])
    else if (a === '--raw') args.raw = true
    else throw new Error(`unknown argument ${a}`)
  }
  if (args.topic == null) throw new Error('--topic is required')
  return args
}

// Snappy block format (not the framed format): a varint uncompressed length, then literal and copy elements.
function snappyUncompressedLength (buf) {
  let value = 0
  for (let i = 0; i < 5; i++) {
    if (i >= buf.length) throw new Error('snappy: truncated length')
    const b = buf[i]
    value += (b & 0x7f) * 2 ** (7 * i)
    if (b < 0x80) return { length: value, offset: i + 1 }
  }
  throw new Error('snappy: length varint too long')
}

function snappyDecompress (buf, max) {
  const { length, offset } = snappyUncompressedLength(buf)
  if (length > max) throw new Error(`snappy: declared length ${length} exceeds ${max}`)
  const out = new Uint8Array(length)
  let i = offset
  let o = 0
  const need = (n) => { if (i + n > buf.length) throw new Error('snappy: truncated element') }
  while (i < buf.length) {
    const tag = buf[i++]
    const type = tag & 3
    if (type === 0) {
      let len = tag >> 2
      if (len >= 60) {
        const bytes = len - 59
        need(bytes)
        len = 0
        for (let k = 0; k < bytes; k++) len += buf[i + k] * 2 ** (8 * k)
        i += bytes
      }
      len += 1
      need(len)
      if (o + len > length) throw new Error('snappy: literal overruns output')
      out.set(buf.subarray(i, i + len), o)
      i += len
      o += len
      continue
    }
    let len, dist
    if (type === 1) {
      need(1)
      len = ((tag >> 2) & 7) + 4
      dist = ((tag >> 5) << 8) | buf[i++]
    } else if (type === 2) {
      need(2)
      len = (tag >> 2) + 1
      dist = buf[i] | (buf[i + 1] << 8)
      i += 2
    } else {
      need(4)
      len = (tag >> 2) + 1
      dist = (buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16)) + buf[i + 3] * 2 ** 24
      i += 4
    }
    if (dist === 0 || dist > o) throw new Error('snappy: copy offset out of range')
    if (o + len > length) throw new Error('snappy: copy overruns output')
    for (let k = 0; k < len; k++, o++) out[o] = out[o - dist]
  }
  if (o !== length) throw new Error(`snappy: decoded ${o} bytes, header declared ${length}`)
  return out
}

// A valid snappy block made only of literals: correct, if not small.
function snappyCompress (data) {
  const parts = []
  let n = data.length
  const header = []
  do { header.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0)); n = Math.floor(n / 128) } while (n > 0)
  parts.push(Uint8Array.from(header))
  for (let i = 0; i < data.length; i += 65536) {
    const chunk = data.subarray(i, Math.min(i + 65536, data.length))
    const m = chunk.length - 1
    if (m < 60) parts.push(Uint8Array.of(m << 2))
    else if (m < 256) parts.push(Uint8Array.of(60 << 2, m))
    else parts.push(Uint8Array.of(61 << 2, m & 0xff, m >> 8))
    parts.push(chunk)
  }
  return Buffer.concat(parts)
}

function ethereumMessageId (msg) {
  let domain = DOMAIN_VALID_SNAPPY
  let payload
  try {
    payload = snappyDecompress(msg.data, GOSSIP_MAX_SIZE)
  } catch {
    domain = DOMAIN_INVALID_SNAPPY
    payload = msg.data
  }
  const topic = Buffer.from(msg.topic, 'utf8')
  const topicLength = Buffer.alloc(8)
  topicLength.writeBigUInt64LE(BigInt(topic.length))
  return createHash('sha256').update(domain).update(topicLength).update(topic).update(payload).digest().subarray(0, 20)
}

const rawMessageId = (msg) => createHash('sha256').update(msg.data).digest()

const args = parseArgs(process.argv.slice(2))
const node = await createLibp2p({
  addresses: { listen: [args.listen] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  services: {
    identify: identify(),
    pubsub: gossipsub({
      globalSignaturePolicy: 'StrictNoSign',
      msgIdFn: args.raw ? rawMessageId : ethereumMessageId,
      allowPublishToZeroTopicPeers: true,
      emitSelf: false,
      D: 8,
      Dlo: 6,
      Dhi: 12,
      Dlazy: 6,
      heartbeatInterval: 700,
      fanoutTTL: 60_000,
      mcacheLength: 6,
      mcacheGossip: 3,
      seenTTL: 385_000
    })
  }
})

const pubsub = node.services.pubsub
const write = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

if (!args.raw) {
  pubsub.topicValidators.set(args.topic, (_peer, msg) => {
    try {
      snappyDecompress(msg.data, GOSSIP_MAX_SIZE)
      return 'accept'
    } catch {
      return 'reject'
    }
  })
}

pubsub.addEventListener('gossipsub:message', (evt) => {
  const { propagationSource, msg } = evt.detail
  if (msg.topic !== args.topic) return
  let data = msg.data
  if (!args.raw) {
    try { data = snappyDecompress(msg.data, GOSSIP_MAX_SIZE) } catch { return }
  }
  write({ from: propagationSource.toString(), topic: msg.topic, data: Buffer.from(data).toString('hex') })
})

pubsub.subscribe(args.topic)
await node.start()
const listen = node.getMultiaddrs()[0]
process.stdout.write(`listening ${listen.toString()}\n`)
for (const addr of args.dial) await node.dial(multiaddr(addr))

async function publish (bytes) {
  try {
    await pubsub.publish(args.topic, bytes)
  } catch (e) {
    process.stderr.write(`publish failed: ${e.message}\n`)
  }
}

async function command (c) {
  switch (c.cmd) {
    case 'dial':
      await node.dial(multiaddr(c.addr))
      write({ reply: 'dial', ok: true })
      break
    case 'publish-raw':
      await publish(Buffer.from(c.data, 'hex'))
      write({ reply: 'publish-raw', ok: true })
      break
    case 'score':
      write({ reply: 'score', peer: c.peer, score: pubsub.getScore(c.peer) })
      break
    case 'msgid':
      write({ reply: 'msgid', id: Buffer.from((args.raw ? rawMessageId : ethereumMessageId)({ topic: c.topic, data: Buffer.from(c.data, 'hex') })).toString('hex') })
      break
    case 'mesh':
      write({ reply: 'mesh', peers: pubsub.getMeshPeers(args.topic) })
      break
    case 'peers':
      write({ reply: 'peers', peers: pubsub.getSubscribers(args.topic).map(p => p.toString()) })
      break
    default:
      write({ reply: 'error', error: `unknown command ${c.cmd}` })
  }
}

const lines = createInterface({ input: process.stdin })
for await (const line of lines) {
  const text = line.trim()
  if (text.length === 0) continue
  try {
    if (text.startsWith('{')) await command(JSON.parse(text))
    else {
      const bytes = Buffer.from(text, 'hex')
      await publish(args.raw ? bytes : snappyCompress(bytes))
    }
  } catch (e) {
    write({ reply: 'error', error: e.message })
  }
}
await node.stop()
process.exit(0)
