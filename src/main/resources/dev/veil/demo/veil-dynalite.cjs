// Starts dynalite for Veil: in memory, on 127.0.0.1, tables ACTIVE at once.
// Usage: node veil-dynalite.cjs <path to node_modules/dynalite> <port>
'use strict'

const [dynalitePath, port] = process.argv.slice(2)

// dynalite rethrows a client's aborted request as an uncaught exception, which would take the
// whole server down: log it and keep serving. Anything else still ends the process.
process.on('uncaughtException', (err) => {
  if (err && (err.code === 'ECONNRESET' || err.message === 'aborted')) {
    console.error('[veil] a client aborted a request: ' + err.message)
    return
  }
  console.error(err)
  process.exit(1)
})

// Veil holds our stdin open; when it goes away (even killed), so do we: no orphan servers.
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()

const server = require(dynalitePath)({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
server.listen(Number(port), '127.0.0.1', () => {
  console.log('Dynalite listening at: http://127.0.0.1:' + port)
})
