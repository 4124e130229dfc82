// Letters on the wire: an application's generated letters, the programmes' wording (admins edit it,
// officers preview it against an application), and the boot-time repair of letters not generated yet.
import { roles } from '../../auth/policy';
import { payload } from '../../shared/payload';
import { nullIfNotFound } from '../../errors/app-error';
import type { AppModule } from '../module';
import { actorOf } from '../organisation/organisation.actor';
import { canSeeVault } from '../document/document.policy';
import { isStaff } from '../../auth/viewer';
import { PLACEHOLDERS } from './letter-templates';
import { previewLetter, reconcileLetters, templatesOf, updateLetterTemplate } from './letters.service';

export const lettersModule: AppModule = {
  name: 'letters',
  policies: {
    Query: { previewLetter: roles('OFFICER', 'ADMIN') },
    Mutation: { updateLetterTemplate: roles('ADMIN') },
  },
  onBoot: async ({ log }) => {
    await reconcileLetters({ log, incremental: true });
  },
  resolvers: {
    Query: {
      previewLetter: (_, a, ctx) => nullIfNotFound(() => previewLetter(ctx, a.applicationId, a.kind)),
    },
    Mutation: {
      updateLetterTemplate: async (_, a, ctx) => {
        const { template, errors } = await payload('template', async () => {
          const saved = await updateLetterTemplate(ctx, a.programmeId, a.kind, a.template);
          return (await templatesOf(saved.programme)).find((t) => t.kind === saved.kind)!;
        });
        return { template, errors };
      },
    },
    FundingProgramme: {
      letterTemplates: (p, _, ctx) => (isStaff(ctx.viewer) ? templatesOf(p._id) : null),
    },
    GrantApplication: {
      letters: async (a, _, ctx) => (canSeeVault(await actorOf(ctx), a.organisation) ? ctx.loaders.letters.byApplication.load(a._id) : null),
    },
    GrantLetter: {
      // A letter whose PDF was deleted from the vault shows without its document.
      document: async (l, _, ctx) => {
        const doc = await ctx.loaders.letters.documentById.load(l.document);
        return doc && !doc.deletedAt ? doc : null;
      },
    },
    LetterTemplate: {
      updatedAt: (t) => t.updatedAt,
      placeholders: (t) => Object.keys(PLACEHOLDERS[t.kind]),
    },
  },
};
