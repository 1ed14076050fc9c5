'use strict';
// Starts s3rver on a free loopback port for the tests and prints {"port":N} once it listens.
// Usage: node start.js DATA_DIR. Exits when its standard input closes (the test JVM ended).
const S3rver = require('s3rver');
const AWSAccount = require('s3rver/lib/models/account');

// The placeholder credentials Veil uses for a loopback endpoint, and any in the environment.
AWSAccount.DUMMY_ACCOUNT.createKeyPair('veil-local', 'veil-local-secret');
if (process.env.AWS_ACCESS_KEY_ID && process.env.AWS_SECRET_ACCESS_KEY) {
  AWSAccount.DUMMY_ACCOUNT.createKeyPair(process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY);
}

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: process.argv[2],
  vhostBuckets: false,
});
server.run().then(
  (address) => process.stdout.write(JSON.stringify({ port: address.port }) + '\n'),
  (err) => {
    process.stderr.write('s3rver failed to start: ' + err.message + '\n');
    process.exit(1);
  });
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
