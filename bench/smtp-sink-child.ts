/**
 * The SMTP server of benchmark 3 (started by bench/delivery.ts): smtp-server on 127.0.0.1 that
 * reads every message to its end and counts it (keeps nothing). Its own process, so its CPU is
 * not the sender's. Sends `{port}` when listening and `{received, peakRssMiB}` when asked.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

if (!process.send) {
  console.error('usage: started by bench/delivery.ts');
  process.exit(2);
}
let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  maxClients: 200,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      received++;
      callback();
    });
  },
});
server.on('error', () => {});
server.listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.server.address() as AddressInfo).port });
});
process.on('message', (m: string) => {
  if (m === 'count') process.send!({ received, peakRssMiB: process.resourceUsage().maxRSS / 1024 });
  if (m === 'stop') server.close(() => process.exit(0));
});
setTimeout(() => process.exit(3), 900_000).unref();
