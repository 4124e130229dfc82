// Issue 12's bench: uploads and downloads through the API against a raw GridFS stream of the same bytes
// (throughput), the server's peak RSS for a 50 MB file against a 1 MB one, and the dossier zip of 20
// documents (streamed: its peak RSS against a single 1 MB download's).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose, { Types } from 'mongoose';
import { signToken } from '../src/auth/token';
import { OrganisationModel } from '../src/modules/organisation/organisation.model';
import { UserModel } from '../src/modules/user/user.model';
import { GrantApplicationModel } from '../src/modules/grants/application/grant-application.model';
import { VAULT_BUCKET } from '../src/modules/document/document.service';
import type { Bench, BenchResult } from './harness';
import type { FromServer, ToServer } from './documents/server-child';

const MB = 1024 * 1024;

/** A valid PDF of about `size` bytes: its padding is random, so no two are deduplicated. */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const pad = Buffer.from(
    randomBytes(Math.ceil((size - head.length - tail.length) / 2))
      .toString('hex')
      .slice(0, size - head.length - tail.length),
  );
  return Buffer.concat([head, pad, tail]);
}

/** A multipart body streamed from `file` in 64 KiB pieces, as a browser sends it. */
function multipart(fields: Record<string, string>, file: Buffer): { body: Readable; length: number; contentType: string } {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const pre = Buffer.from(
    Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('') + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const post = Buffer.from(`\r\n--${boundary}--\r\n`);
  function* pieces() {
    yield pre;
    for (let i = 0; i < file.length; i += 64 * 1024) yield file.subarray(i, i + 64 * 1024);
    yield post;
  }
  return { body: Readable.from(pieces()), length: pre.length + file.length + post.length, contentType: `multipart/form-data; boundary=${boundary}` };
}

interface Server {
  url: string;
  ask: (msg: ToServer) => Promise<number>;
  stop: () => Promise<void>;
}

async function startServer(uri: string, secret: string): Promise<Server> {
  const child: ChildProcess = fork(join(__dirname, 'documents', 'server-child.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, MONGODB_URI: uri, JWT_SECRET: secret },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const [ready] = (await once(child, 'message')) as [FromServer];
  if (ready.type !== 'ready') throw new Error(`bench server failed: ${ready.type === 'failed' ? ready.message : ready.type}`);
  return {
    url: `http://127.0.0.1:${ready.port}`,
    ask: async (msg) => {
      child.send(msg);
      const [answer] = (await once(child, 'message')) as [FromServer];
      return answer.type === 'peak' ? answer.rss : NaN;
    },
    stop: async () => {
      child.send({ type: 'stop' } satisfies ToServer);
      await once(child, 'exit');
    },
  };
}

const now = () => process.hrtime.bigint();
const msSince = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: Bench = {
  name: 'documents',
  async run(ctx) {
    const uri = await ctx.connectFreshDatabase();
    const secret = randomBytes(32).toString('hex');
    const server = await startServer(uri, secret);
    const results: BenchResult[] = [];
    try {
      const org = await OrganisationModel.create({ name: 'Banc d’essai', nameKey: 'banc d essai', legalForm: 'ASSOCIATION', isPublic: true, status: 'ACTIVE' });
      const user = await UserModel.create({
        email: 'bench@example.test',
        name: 'Bench',
        role: 'MEMBER',
        passwordHash: 'x',
        memberships: [{ organisation: org._id, role: 'MANAGER' }],
      });
      const token = signToken({ sub: String(user._id), role: 'MEMBER', ver: 0 }, secret, 3600);
      const auth = { authorization: `Bearer ${token}` };

      const uploadHttp = async (file: Buffer, kind = 'PROOF_OF_EXPENSE'): Promise<string> => {
        const { body, length, contentType } = multipart({ organisationId: String(org._id), kind }, file);
        const res = await fetch(`${server.url}/api/documents`, {
          method: 'POST',
          body: body as unknown as ReadableStream,
          duplex: 'half',
          headers: { ...auth, 'content-type': contentType, 'content-length': String(length) },
        } as RequestInit);
        const json = (await res.json()) as { document?: { id: string } };
        if (res.status !== 201 || !json.document) throw new Error(`upload failed: ${res.status} ${JSON.stringify(json)}`);
        return json.document.id;
      };
      const downloadHttp = async (path: string): Promise<number> => {
        const res = await fetch(`${server.url}${path}`, { headers: auth });
        if (res.status !== 200 || !res.body) throw new Error(`download failed: ${res.status}`);
        let n = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) n += chunk.length;
        return n;
      };
      const bucket = new mongoose.mongo.GridFSBucket(mongoose.connection.db!, { bucketName: 'bench_raw' });
      const rawRoundTrip = async (file: Buffer) => {
        const up = bucket.openUploadStream('raw.pdf');
        await pipeline(
          Readable.from(
            (function* () {
              for (let i = 0; i < file.length; i += 64 * 1024) yield file.subarray(i, i + 64 * 1024);
            })(),
          ),
          up,
        );
        let n = 0;
        for await (const chunk of bucket.openDownloadStream(up.id)) n += (chunk as Buffer).length;
        await bucket.delete(up.id);
        return n;
      };

      // Throughput: 20 MB round trips (upload then download), interleaved with the raw GridFS round trip.
      const size = 20 * MB;
      const api: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < 5; i++) {
        const file = pdfOf(size);
        let t = now();
        await rawRoundTrip(file);
        raw.push(msSince(t));
        t = now();
        const id = await uploadHttp(file);
        await downloadHttp(`/api/documents/${id}`);
        api.push(msSince(t));
      }
      const apiMbps = (2 * size) / MB / (median(api) / 1000);
      const rawMbps = (2 * size) / MB / (median(raw) / 1000);
      ctx.log(`20 MB round trip: API ${median(api).toFixed(0)} ms, raw GridFS ${median(raw).toFixed(0)} ms`);
      results.push({
        name: 'documents: 20 MB upload + download through the API vs a raw GridFS stream',
        value: apiMbps,
        baseline: rawMbps,
        unit: 'MB/s',
        ratio: apiMbps / rawMbps,
        aim: '>= 0.7',
        ok: apiMbps / rawMbps >= 0.7,
      });

      // Memory: the server's peak RSS while a file goes in and comes back out, 50 MB against 1 MB.
      const peakFor = async (file: Buffer) => {
        const before = await server.ask({ type: 'reset' });
        const id = await uploadHttp(file);
        await downloadHttp(`/api/documents/${id}`);
        const peak = await server.ask({ type: 'peak' });
        return { before, peak };
      };
      await peakFor(pdfOf(MB)); // warm-up: first requests load code
      const small = await peakFor(pdfOf(MB));
      const large = await peakFor(pdfOf(50 * MB));
      ctx.log(
        `peak RSS: 1 MB ${(small.peak / MB).toFixed(0)} MB (from ${(small.before / MB).toFixed(0)}), 50 MB ${(large.peak / MB).toFixed(0)} MB (from ${(large.before / MB).toFixed(0)})`,
      );
      results.push({
        name: 'documents: server peak RSS, 50 MB file vs 1 MB file (upload + download)',
        value: large.peak / MB,
        baseline: small.peak / MB,
        unit: 'MB',
        ratio: large.peak / small.peak,
        aim: '<= 1.2',
        ok: large.peak / small.peak <= 1.2,
      });

      // The dossier zip of 20 documents of 1 MB, streamed: time against reading the same files raw, and peak RSS.
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push(await uploadHttp(pdfOf(MB), 'OTHER'));
      const appId = new Types.ObjectId();
      await GrantApplicationModel.collection.insertOne({
        _id: appId,
        number: '2026-99999',
        organisation: org._id,
        programme: new Types.ObjectId(),
        year: 2026,
        title: 'Dossier du banc',
        description: 'Vingt pièces.',
        requestedAmount: 100_000,
        status: 'SUBMITTED',
        createdBy: user._id,
        documents: ids.map((id) => ({ document: new Types.ObjectId(id), requirementId: null, attachedAt: new Date(), attachedBy: user._id })),
        outbox: [],
      });
      const vault = new mongoose.mongo.GridFSBucket(mongoose.connection.db!, { bucketName: VAULT_BUCKET });
      const docs = await mongoose.connection
        .db!.collection('documents')
        .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } })
        .toArray();
      const zipMs: number[] = [];
      const rawMs: number[] = [];
      let zipBytes = 0;
      for (let i = 0; i < 3; i++) {
        let t = now();
        for (const d of docs) for await (const _ of vault.openDownloadStream(d.fileId as Types.ObjectId)) void _;
        rawMs.push(msSince(t));
        await server.ask({ type: 'reset' });
        t = now();
        zipBytes = await downloadHttp(`/api/grant-applications/${String(appId)}/dossier.zip`);
        zipMs.push(msSince(t));
      }
      const zipPeak = await server.ask({ type: 'peak' });
      ctx.log(
        `dossier zip: ${(zipBytes / MB).toFixed(1)} MB in ${median(zipMs).toFixed(0)} ms; raw reads ${median(rawMs).toFixed(0)} ms; peak RSS ${(zipPeak / MB).toFixed(0)} MB`,
      );
      results.push(
        {
          name: 'documents: dossier zip of 20 x 1 MB vs reading the 20 files raw from GridFS',
          value: zipBytes / MB / (median(zipMs) / 1000),
          baseline: (20 * MB) / MB / (median(rawMs) / 1000),
          unit: 'MB/s',
          ratio: zipBytes / MB / (median(zipMs) / 1000) / ((20 * MB) / MB / (median(rawMs) / 1000)),
        },
        {
          name: 'documents: server peak RSS, dossier zip of 20 x 1 MB vs one 1 MB file (streamed, not buffered)',
          value: zipPeak / MB,
          baseline: small.peak / MB,
          unit: 'MB',
          ratio: zipPeak / small.peak,
          aim: '<= 1.2',
          ok: zipPeak / small.peak <= 1.2,
        },
      );
    } finally {
      await server.stop();
      await ctx.disconnectDatabase();
    }
    return results;
  },
};

export default bench;
