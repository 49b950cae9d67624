// A js-libp2p peer driven by the NativeDvt.Libp2p interop tests.
//
// Start: node peer.mjs. It listens on /ip4/127.0.0.1/tcp/0 and prints one JSON line
// {"event":"listening","peerId":...,"addrs":[...]} on stdout; logs go to stderr.
//
// Commands: one JSON object per stdin line, {"id": <number>, "cmd": <name>, ...arguments}.
// Each gets exactly one reply line {"id", "ok": true, "result"} or {"id", "ok": false, "error"}.
// Unsolicited events are lines {"event": <name>, ...}.
//
// Extending (e.g. gossipsub): add a service in `services` below and handlers to `commands`;
// a handler receives (request, node) and returns the result (or throws). Use emit() for
// events such as received messages.

// Some dependencies call Promise.withResolvers, which Node 20 lacks; define it before they load.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers () {
    let resolve
    let reject
    const promise = new Promise((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}

const { createLibp2p } = await import('libp2p')
const { tcp } = await import('@libp2p/tcp')
const { noise } = await import('@chainsafe/libp2p-noise')
const { yamux } = await import('@chainsafe/libp2p-yamux')
const { identify } = await import('@libp2p/identify')
const { ping } = await import('@libp2p/ping')
const { multiaddr } = await import('@multiformats/multiaddr')
const { peerIdFromString } = await import('@libp2p/peer-id')
const { createInterface } = await import('node:readline')
const { randomBytes } = await import('node:crypto')

// Echoes every byte back, then closes its side: used to push data through yamux both ways.
const ECHO = '/interop/echo/1.0.0'

function emit (line) {
  process.stdout.write(JSON.stringify(line) + '\n')
}

const hex = (bytes) => bytes == null ? null : Buffer.from(bytes).toString('hex')

const services = {
  identify: identify({ agentVersion: 'js-libp2p-interop/1.0.0' }),
  ping: ping()
}

const node = await createLibp2p({
  addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  services
})

// Identify results by peer id, and the commands waiting for one.
const identified = new Map()
const identifyWaiters = new Map()

await node.handle(ECHO, async ({ stream }) => {
  await stream.sink(stream.source)
})

node.addEventListener('peer:identify', (event) => {
  const detail = event.detail
  const result = {
    peer: detail.peerId.toString(),
    protocolVersion: detail.protocolVersion ?? null,
    agentVersion: detail.agentVersion ?? null,
    publicKey: hex(detail.publicKey),
    listenAddrs: detail.listenAddrs.map((a) => a.toString()),
    observedAddr: detail.observedAddr?.toString() ?? null,
    protocols: detail.protocols
  }
  identified.set(result.peer, result)
  for (const resolve of identifyWaiters.get(result.peer) ?? []) resolve(result)
  identifyWaiters.delete(result.peer)
  emit({ event: 'identify', ...result })
})
node.addEventListener('peer:connect', (event) => emit({ event: 'connect', peer: event.detail.toString() }))
node.addEventListener('peer:disconnect', (event) => emit({ event: 'disconnect', peer: event.detail.toString() }))

const target = (request) => request.addr != null ? multiaddr(request.addr) : peerIdFromString(request.peer)

const commands = {
  async dial (request) {
    const connection = await node.dial(multiaddr(request.addr))
    return { peer: connection.remotePeer.toString(), remoteAddr: connection.remoteAddr.toString() }
  },
  async ping (request) {
    return { rtt: await node.services.ping.ping(target(request)) }
  },
  async identify (request) {
    if (identified.has(request.peer)) return identified.get(request.peer)
    return await new Promise((resolve) => {
      identifyWaiters.set(request.peer, [...(identifyWaiters.get(request.peer) ?? []), resolve])
    })
  },
  // Sends `size` random bytes on a new stream of `protocol` (default: our echo) and checks the echo.
  async echo (request) {
    const stream = await node.dialProtocol(peerIdFromString(request.peer), request.protocol ?? ECHO)
    const data = randomBytes(request.size)
    const chunk = 64 * 1024
    const sending = stream.sink((async function * () {
      for (let offset = 0; offset < data.length; offset += chunk) yield data.subarray(offset, offset + chunk)
    })())
    const received = []
    for await (const part of stream.source) received.push(Buffer.from(part.subarray()))
    await sending
    const echoed = Buffer.concat(received)
    return { sent: data.length, received: echoed.length, equal: echoed.equals(data) }
  },
  async peers () {
    return node.getPeers().map((p) => p.toString())
  },
  async hangup (request) {
    await node.hangUp(peerIdFromString(request.peer))
    return {}
  },
  async stop () {
    await node.stop()
    setImmediate(() => process.exit(0))
    return {}
  }
}

createInterface({ input: process.stdin }).on('line', async (line) => {
  if (line.trim() === '') return
  let request
  try {
    request = JSON.parse(line)
  } catch (error) {
    emit({ id: null, ok: false, error: 'bad JSON: ' + error.message })
    return
  }
  const handler = commands[request.cmd]
  if (handler == null) {
    emit({ id: request.id, ok: false, error: 'unknown command ' + request.cmd })
    return
  }
  try {
    emit({ id: request.id, ok: true, result: await handler(request, node) })
  } catch (error) {
    emit({ id: request.id, ok: false, error: String(error?.stack ?? error) })
  }
}).on('close', async () => {
  await node.stop()
  process.exit(0)
})

emit({ event: 'listening', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map((a) => a.toString()) })
