// The vault in GraphQL: Organisation.documents, the Document type and deleteDocument. Uploads and downloads
// are plain HTTP (document.routes.ts): GraphQL carries no bytes.
import { AUTHENTICATED } from '../../auth/policy';
import { payload } from '../../shared/payload';
import type { AppModule } from '../module';
import type { Context } from '../../context';
import { deleteDocument, documentStatus, documentsOf, sweepVault } from './document.service';
import { documentRoutes } from './document.routes';

/** Another version of a document: same organisation and kind, so seen by whoever sees this one; null once deleted. */
async function version(ctx: Context, id: unknown) {
  if (!id) return null;
  const doc = await ctx.loaders.document.byId.load(id);
  return doc && !doc.deletedAt ? doc : null;
}

export const documentModule: AppModule = {
  name: 'document',
  policies: {
    Mutation: { deleteDocument: AUTHENTICATED },
  },
  routes: documentRoutes,
  async onBoot({ log }) {
    const swept = await sweepVault();
    if (swept.files || swept.chunks) log.warn(swept, 'vault: removed files and chunks left by interrupted uploads or deletions');
  },
  resolvers: {
    Mutation: {
      deleteDocument: async (_, args, ctx) => {
        const { deletedId, errors } = await payload('deletedId', () => deleteDocument(ctx, args.id));
        return { deletedId: deletedId ?? null, errors };
      },
    },
    Organisation: {
      documents: (o, args, ctx) => documentsOf(ctx, o._id, args),
    },
    Document: {
      id: (d) => String(d._id),
      validUntil: (d) => d.validUntil ?? null,
      status: (d) => documentStatus(d),
      supersedes: (d, _, ctx) => version(ctx, d.supersedes),
      supersededBy: (d, _, ctx) => version(ctx, d.supersededBy),
      downloadUrl: (d) => `/api/documents/${String(d._id)}`,
    },
  },
};
