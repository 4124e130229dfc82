// The vault over plain HTTP: uploads (multipart, streamed into GridFS), downloads (streamed out, as an
// attachment the browser never renders), and an application's whole dossier as one streamed zip.
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request, Response, Router } from 'express';
import { Types } from 'mongoose';
import { ZipFile } from 'yazl';
import { contextFromRequest, type Context } from '../../context';
import { AppError, Problems, notFound, unauthenticated } from '../../errors/app-error';
import { handler } from '../../http/errors';
import type { RouteDeps } from '../module';
import { viewerFromToken } from '../user/user.service';
import { actorOf } from '../organisation/organisation.actor';
import { canSeeOrganisation } from '../organisation/organisation.policy';
import { DOCUMENT_KINDS, type DocumentDoc, type DocumentKind } from './document.model';
import { uploadRefusal } from './document.policy';
import { dossierOf, openDocumentStream, recordDownloads, storeDocumentOutcome, visibleDocument } from './document.service';
import { dossierSummary, zipEntryName } from './dossier-zip';

const FLAT = { flat: true };

/** What the upload answers: the fields, nothing internal. */
export function documentJson(d: DocumentDoc) {
  return {
    id: String(d._id),
    kind: d.kind,
    title: d.title,
    filename: d.filename,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
    validUntil: d.validUntil ? d.validUntil.toISOString().slice(0, 10) : null,
  };
}

const bad = (field: string, message: string) => new AppError('BAD_USER_INPUT', message, { field });

interface UploadFields {
  organisationId: Types.ObjectId;
  kind: DocumentKind;
  title: string | null;
  validUntil: Date | null;
}

/** The form's fields, all problems at once. They must come before the file: the file is streamed as it arrives. */
function readFields(fields: Record<string, string>): UploadFields {
  const problems = new Problems();
  const orgRaw = fields.organisationId?.trim();
  if (!orgRaw) problems.add('organisationId', 'Give the organisation (field `organisationId`) before the file.');
  else if (!Types.ObjectId.isValid(orgRaw) || !/^[0-9a-f]{24}$/i.test(orgRaw)) problems.add('organisationId', 'The organisation id is malformed.');
  const kind = fields.kind?.trim();
  if (!kind) problems.add('kind', `Give the kind (field \`kind\`) before the file: one of ${DOCUMENT_KINDS.join(', ')}.`);
  else if (!DOCUMENT_KINDS.includes(kind as DocumentKind)) problems.add('kind', `The kind must be one of ${DOCUMENT_KINDS.join(', ')}.`);
  const title = fields.title?.trim() || null;
  if (title && title.length > 200) problems.add('title', 'The title is at most 200 characters.');
  let validUntil: Date | null = null;
  const day = fields.validUntil?.trim();
  if (day) {
    validUntil = new Date(`${day}T00:00:00.000Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(validUntil.getTime()) || validUntil.toISOString().slice(0, 10) !== day) {
      problems.add('validUntil', `"${day.slice(0, 20)}" is not a date: write it YYYY-MM-DD.`);
    }
  }
  problems.throwIfAny();
  return { organisationId: new Types.ObjectId(orgRaw), kind: kind as DocumentKind, title, validUntil };
}

/** May this viewer add documents to that organisation? A private organisation they cannot see does not exist for them. */
async function checkUploader(ctx: Context, organisationId: Types.ObjectId): Promise<void> {
  const org = await ctx.loaders.organisation.byId.load(organisationId);
  if (!org || !canSeeOrganisation(ctx.viewer, org)) throw notFound('Organisation', 'organisationId');
  const refusal = uploadRefusal(await actorOf(ctx), org._id);
  if (refusal) throw new AppError(refusal.code, refusal.message, { field: 'organisationId' });
}

/**
 * Reads a multipart upload: the fields, then exactly one file named `file`, streamed into the vault as it
 * arrives. The document is recorded only once the whole body was read and held nothing more; any refusal
 * (a second file, a cut body, a limit) waits for the stored bytes to be deleted before it answers.
 */
function receiveUpload(req: Request, ctx: Context): Promise<{ document: DocumentDoc; created: boolean }> {
  const { config } = ctx;
  if (!/^multipart\/form-data\s*;/i.test(req.get('content-type') ?? '')) {
    return Promise.reject(bad('file', 'Send the upload as multipart/form-data, with the file in the field `file` after the other fields.'));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers as IncomingHttpHeaders & { 'content-type': string },
      // One byte over the limit is what tells the store the file is too large (it counts, and refuses itself).
      defParamCharset: 'utf8',
      limits: { files: 1, fields: 10, parts: 12, fieldSize: 1024, fieldNameSize: 100, headerPairs: 20, fileSize: config.maxUploadBytes + 1 },
    });
  } catch {
    return Promise.reject(bad('file', 'The multipart body has no boundary: let the client build the multipart/form-data request.'));
  }

  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let fileSeen = false;
    let firstError: unknown = null;
    let source: Readable | null = null;
    let work: Promise<{ document: DocumentDoc; created: boolean }> | null = null;
    let bodyDone!: () => void;
    let bodyFailed!: (err: unknown) => void;
    const whole = new Promise<void>((res, rej) => {
      bodyDone = res;
      bodyFailed = rej;
    });
    whole.catch(() => undefined);

    const fail = (err: Error) => {
      if (firstError) return;
      firstError = err;
      bodyFailed(err);
      req.unpipe(parser);
      // The rest of the body is read and dropped, so the client can read the answer.
      req.resume();
      if (source && !source.destroyed) {
        // The store reading it sees the error; if it never started (a refusal before), nobody else listens.
        source.on('error', () => undefined);
        source.destroy(err);
      }
      // Answer only once what was stored is gone.
      void (work ?? Promise.resolve()).catch(() => undefined).then(() => reject(err));
    };

    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) fail(bad(name.slice(0, 100), `The field ${name.slice(0, 100)} is too long.`));
      else fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (firstError) return void stream.resume();
      fileSeen = true;
      if (name !== 'file') {
        stream.resume();
        return fail(bad('file', `Send the file in the field named \`file\` (got \`${name.slice(0, 50)}\`).`));
      }
      let checked: UploadFields;
      try {
        checked = readFields(fields);
      } catch (err) {
        stream.resume();
        return fail(err as Error);
      }
      source = stream;
      // busboy pushes into this stream as the request is read; until the check below is done it waits paused.
      work = checkUploader(ctx, checked.organisationId).then(() =>
        storeDocumentOutcome({
          organisationId: checked.organisationId,
          kind: checked.kind,
          title: checked.title,
          validUntil: checked.validUntil,
          filename: info.filename ?? '',
          contentType: info.mimeType,
          uploadedBy: ctx.viewer!.id,
          source: stream,
          maxBytes: config.maxUploadBytes,
          quotaBytes: config.documentQuotaBytes,
          confirm: whole,
        }),
      );
      work.then(
        (outcome) => {
          if (!firstError) resolve(outcome);
        },
        (err: unknown) => fail(err instanceof Error ? err : new Error(String(err))),
      );
    });
    parser.on('filesLimit', () => fail(bad('file', 'Send one file per upload.')));
    parser.on('fieldsLimit', () => fail(bad('file', 'Too many fields: send file, organisationId, kind, and optionally title and validUntil.')));
    parser.on('partsLimit', () => fail(bad('file', 'Too many parts: send file, organisationId, kind, and optionally title and validUntil.')));
    parser.on('error', () => fail(bad('file', 'The upload was cut or malformed: send it again.')));
    parser.on('close', () => {
      if (firstError) return;
      if (!fileSeen) return fail(bad('file', 'No file: send it in the field `file`, after the other fields.'));
      bodyDone();
    });
    req.on('close', () => {
      if (!req.complete) fail(bad('file', 'The upload was cut before its end: send it again.'));
    });
    req.pipe(parser);
  });
}

/** `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<the real name>` (RFC 6266, RFC 8187). */
export function contentDisposition(filename: string): string {
  const fallback =
    filename
      .normalize('NFKD')
      .replace(/[^\x20-\x7E]/g, '')
      .replace(/["\\%]/g, '_') || 'document';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Served bytes are never rendered by the browser: a download, no sniffing, and a sandbox if opened anyway. */
function protectDownload(res: Response): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-security-policy', "sandbox; default-src 'none'");
  res.setHeader('cache-control', 'private, no-store');
}

export function documentRoutes(router: Router, { config, log }: RouteDeps): void {
  const resolveViewer = (token: string) => viewerFromToken(token, config.jwtSecret);
  /** The request's context, signed in: a missing token is 401, an invalid one too. */
  const signedIn = async (req: Request, res: Response): Promise<Context> => {
    const ctx = await contextFromRequest({ config, log, resolveViewer }, { authorization: req.get('authorization') }, res.locals.requestId as string);
    if (!ctx.viewer) throw unauthenticated('Sign in, then send the request with the header Authorization: Bearer <token>.');
    return ctx;
  };

  router.post(
    '/api/documents',
    handler(
      log,
      async (req, res) => {
        let ctx: Context;
        try {
          ctx = await signedIn(req, res);
        } catch (err) {
          // Refused before reading the body: the connection is not kept for the rest of it.
          res.setHeader('connection', 'close');
          throw err;
        }
        const { document, created } = await receiveUpload(req, ctx);
        res.status(created ? 201 : 200).json({ document: documentJson(document) });
      },
      FLAT,
    ),
  );

  router.get(
    '/api/documents/:id',
    handler(
      log,
      async (req, res) => {
        const ctx = await signedIn(req, res);
        const doc = await visibleDocument(ctx, req.params.id);
        await recordDownloads(ctx, [doc], typeof req.query.application === 'string' ? req.query.application : null);
        protectDownload(res);
        res.status(200);
        res.setHeader('content-type', doc.contentType);
        res.setHeader('content-length', String(doc.size));
        res.setHeader('content-disposition', contentDisposition(doc.filename));
        res.setHeader('etag', `"${doc.sha256}"`);
        await pipeline(openDocumentStream(doc), res);
      },
      FLAT,
    ),
  );

  router.get(
    '/api/grant-applications/:id/dossier.zip',
    handler(
      log,
      async (req, res) => {
        const ctx = await signedIn(req, res);
        const { application, organisation, entries } = await dossierOf(ctx, req.params.id);
        await recordDownloads(
          ctx,
          entries.map((e) => e.document),
          String(application._id),
          true,
        );
        const zip = new ZipFile();
        const names = new Set<string>();
        entries.forEach((e, i) => {
          const name = zipEntryName(i + 1, e.document, names, e.letter);
          // Opened when the zip reaches it: one GridFS stream at a time, whatever the number of documents.
          zip.addReadStreamLazy(name, { mtime: e.document.createdAt, compress: false, size: e.document.size }, (cb) =>
            cb(null, openDocumentStream(e.document)),
          );
        });
        zip.addBuffer(Buffer.from(dossierSummary(application, organisation, entries), 'utf8'), '00-summary.txt', { mtime: new Date(), compress: false });
        zip.end();
        protectDownload(res);
        res.status(200);
        res.setHeader('content-type', 'application/zip');
        res.setHeader('content-disposition', contentDisposition(`dossier-${application.number}.zip`));
        await pipeline(zip.outputStream, res);
      },
      FLAT,
    ),
  );
}
