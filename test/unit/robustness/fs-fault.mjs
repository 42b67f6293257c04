/**
 * Preloaded into the CLI (NODE_OPTIONS=--import) by tests on machines where they cannot mount a tiny file system:
 * makes writes under PA_FAULT_UNDER fail with PA_FAULT_CODE (ENOSPC, EROFS, …) once PA_FAULT_AFTER_BYTES bytes have
 * been written there, the way a full or read-only disk would. Plain JavaScript so it loads before tsx does.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const under = process.env.PA_FAULT_UNDER;
const code = process.env.PA_FAULT_CODE ?? 'ENOSPC';
let budget = Number(process.env.PA_FAULT_AFTER_BYTES ?? '0');

if (under) {
  const hit = (path) => String(path).startsWith(under);
  const fault = (path, syscall) =>
    Object.assign(new Error(`${code}: injected fault, ${syscall} '${path}'`), { code, syscall, path: String(path) });
  const spend = (path, bytes, syscall) => {
    if (!hit(path)) return;
    budget -= bytes;
    if (budget < 0 || code !== 'ENOSPC') throw fault(path, syscall);
  };
  const size = (data) => (typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);

  const { writeFile, mkdir, access } = fs.promises;
  fs.promises.writeFile = async (path, data, ...rest) => {
    spend(path, size(data), 'write');
    return writeFile(path, data, ...rest);
  };
  fs.promises.mkdir = async (path, ...rest) => {
    if (hit(path) && code !== 'ENOSPC') throw fault(path, 'mkdir');
    return mkdir(path, ...rest);
  };
  fs.promises.access = async (path, mode, ...rest) => {
    if (hit(path) && code !== 'ENOSPC' && mode) throw fault(path, 'access');
    return access(path, mode, ...rest);
  };
  const createWriteStream = fs.createWriteStream;
  fs.createWriteStream = (path, ...rest) => {
    const stream = createWriteStream(path, ...rest);
    if (!hit(path)) return stream;
    const write = stream._write.bind(stream);
    stream._writev = null;
    stream._write = (chunk, encoding, callback) => {
      try {
        spend(path, chunk.length, 'write');
      } catch (e) {
        callback(e);
        return;
      }
      write(chunk, encoding, callback);
    };
    return stream;
  };
  syncBuiltinESMExports();
}
