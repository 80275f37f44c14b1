// Preloaded into the server under test (NODE_OPTIONS=--import): appends every outbound connect or DNS lookup
// that is not loopback or a Unix socket to the file in GH_EGRESS_LOG; the e2e run fails if the file is not empty.
import fs from 'node:fs';
import net from 'node:net';
import dns from 'node:dns';

const logFile = process.env.GH_EGRESS_LOG;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);
const record = (what) => logFile && fs.appendFileSync(logFile, `${process.pid} ${what}\n`);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'object' && first !== null && !first.path && first.host && !LOOPBACK.has(first.host))
    record(`connect ${first.host}:${first.port}`);
  if (typeof first === 'number' && typeof args[1] === 'string' && !LOOPBACK.has(args[1])) record(`connect ${args[1]}:${first}`);
  return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  if (!LOOPBACK.has(host)) record(`dns ${host}`);
  return lookup.call(this, host, ...rest);
};
const plookup = dns.promises.lookup;
dns.promises.lookup = function (host, ...rest) {
  if (!LOOPBACK.has(host)) record(`dns ${host}`);
  return plookup.call(this, host, ...rest);
};
