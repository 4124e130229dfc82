// DEMO DATA (invented: programmes, projects, amounts and decisions are fictitious). Programmes and
// envelopes for this year and last year, and applications in every status, built through the grants
// services so that numbers, histories, commitments and payments are real. Idempotent: programmes and
// envelopes are upserted by name/label, an application is created only if its organisation has none
// with that title.
import type { Types } from 'mongoose';
import { createContext, type Context } from '../src/context';
import { testConfig } from '../src/config';
import { createLogger } from '../src/shared/logger';
import { UserModel } from '../src/modules/user/user.model';
import { toViewer } from '../src/modules/user/user.service';
import { FundingProgrammeModel } from '../src/modules/grants/budget/funding-programme.model';
import { BudgetEnvelopeModel } from '../src/modules/grants/budget/budget-envelope.model';
import { GrantApplicationModel } from '../src/modules/grants/application/grant-application.model';
import { createGrantApplication, submitGrantApplication, withdrawGrantApplication } from '../src/modules/grants/commands/submit';
import { addPrivateNote, addReview, declareConflictOfInterest, requestChanges, sendGrantMessage, startReview } from '../src/modules/grants/commands/review';
import { approveGrantApplication, rejectGrantApplication } from '../src/modules/grants/commands/decide';
import { recordConvention, recordPayment, schedulePayments } from '../src/modules/grants/commands/pay';
import { acceptFinalReport, submitFinalReport } from '../src/modules/grants/commands/report';
import { clock } from '../src/modules/grants/kernel/clock';
import type { SeedContext } from './context';

type Stage = 'DRAFT' | 'SUBMITTED' | 'UNDER_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN' | 'COMPLETED' | 'OVERDUE';

interface DemoApplication {
  org: number;
  by: string;
  programme: 'current' | 'previous' | 'overdue';
  title: string;
  amount: number;
  stage: Stage;
  domains: string[];
  neighbourhoods: string[];
}

// Organisation indexes: 0 and 1 are the demo member's (member@), 2 is member2@'s.
const APPLICATIONS: DemoApplication[] = [
  {
    org: 0,
    by: 'member@maillage.test',
    programme: 'current',
    title: 'Repair café mensuel (démo)',
    amount: 400_000,
    stage: 'DRAFT',
    domains: [],
    neighbourhoods: [],
  },
  {
    org: 0,
    by: 'member@maillage.test',
    programme: 'current',
    title: 'Jardin partagé de quartier (démo)',
    amount: 800_000,
    stage: 'SUBMITTED',
    domains: [],
    neighbourhoods: [],
  },
  {
    org: 0,
    by: 'member@maillage.test',
    programme: 'current',
    title: 'Ateliers numériques pour les seniors (démo)',
    amount: 2_500_000,
    stage: 'APPROVED',
    domains: [],
    neighbourhoods: [],
  },
  {
    org: 2,
    by: 'member2@maillage.test',
    programme: 'current',
    title: 'Soutien scolaire à Encagnane (démo)',
    amount: 1_500_000,
    stage: 'UNDER_REVIEW',
    domains: [],
    neighbourhoods: [],
  },
  {
    org: 2,
    by: 'member2@maillage.test',
    programme: 'current',
    title: 'Festival des arts de la rue (démo)',
    amount: 1_200_000,
    stage: 'CHANGES_REQUESTED',
    domains: [],
    neighbourhoods: [],
  },
  {
    org: 2,
    by: 'member2@maillage.test',
    programme: 'current',
    title: 'Séjour de rupture (démo)',
    amount: 3_000_000,
    stage: 'REJECTED',
    domains: [],
    neighbourhoods: [],
  },
  {
    org: 1,
    by: 'member@maillage.test',
    programme: 'current',
    title: 'Cours de provençal (démo)',
    amount: 300_000,
    stage: 'WITHDRAWN',
    domains: [],
    neighbourhoods: [],
  },
  {
    org: 2,
    by: 'member2@maillage.test',
    programme: 'previous',
    title: 'Maraudes solidaires (démo)',
    amount: 1_000_000,
    stage: 'COMPLETED',
    domains: [],
    neighbourhoods: [],
  },
  {
    org: 1,
    by: 'member@maillage.test',
    programme: 'overdue',
    title: 'Accueil des familles au Jas de Bouffan (démo)',
    amount: 900_000,
    stage: 'OVERDUE',
    domains: [],
    neighbourhoods: [],
  },
];

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function upsertProgramme(year: number, name: string, domains: Types.ObjectId[]) {
  // Find, then create only when missing: a re-run changes nothing (not even updatedAt).
  const programme =
    (await FundingProgrammeModel.findOne({ year, name }).lean()) ??
    (
      await FundingProgrammeModel.create({
        year,
        name,
        description: `Appel à projets ${year} de la ville (données de démonstration inventées).`,
        domains,
        opensOn: day(year, 1, 1),
        closesOn: day(year, 12, 31),
        eligibleLegalForms: [],
        minAmount: 100_000,
        maxAmount: 5_000_000,
      })
    ).toObject();
  const envelopes = [];
  for (const [label, total] of [
    ['Fonctionnement', 20_000_000],
    ['Projets en quartiers prioritaires', 15_000_000],
  ] as const) {
    envelopes.push(
      (await BudgetEnvelopeModel.findOne({ programme: programme._id, label }).lean()) ??
        (await BudgetEnvelopeModel.create({ programme: programme._id, label, total })).toObject(),
    );
  }
  return { programme, envelope: envelopes[0]! };
}

export async function seedGrants(ctx: SeedContext): Promise<void> {
  const realNow = clock.now;
  const now = realNow();
  const year = now.getUTCFullYear();
  // A report overdue today: the funded year's report was due on 30 June of the next year.
  const overdueYear = now.getUTCMonth() >= 6 ? year - 1 : year - 2;
  const domains = [...ctx.domainIds.values()].slice(0, 3);
  const programmes = {
    current: await upsertProgramme(year, 'Solidarité et inclusion', domains),
    previous: await upsertProgramme(year - 1, 'Solidarité et inclusion', domains),
    overdue: await upsertProgramme(overdueYear, 'Solidarité et inclusion', domains),
  };
  const log = createLogger('silent');
  const users = new Map<string, Context>();
  const as = async (email: string) => {
    if (!users.has(email)) {
      const u = await UserModel.findOne({ email }).lean();
      users.set(email, createContext({ config: testConfig(), log }, toViewer(u!)));
    }
    return users.get(email)!;
  };
  const officer = await as('officer@maillage.test');
  const officer2 = await as('officer2@maillage.test');
  const neighbourhoods = [...ctx.neighbourhoodIds.values()];

  // officer2 is recused from member2's organisation: the demo shows CONFLICT_OF_INTEREST.
  await declareConflictOfInterest(officer2, String(ctx.organisationIds[2]), 'Bénévole de cette association (démo).');

  let created = 0;
  try {
    for (const d of APPLICATIONS) {
      const organisation = ctx.organisationIds[d.org]!;
      if (await GrantApplicationModel.exists({ organisation, title: d.title })) continue;
      const { programme, envelope } = programmes[d.programme];
      // Act on the programme's own calendar (mid-March of its year), so it is open and dates are coherent.
      const y = programme.year;
      clock.now = () => (y === year ? now : day(y, 3, 15));
      const member = await as(d.by);
      const app = await createGrantApplication(member, {
        organisationId: String(organisation),
        programmeId: String(programme._id),
        title: d.title,
        description: 'Projet inventé pour la démonstration de Maillage.',
        objectives: 'Toucher les habitants des quartiers prioritaires.',
        requestedAmount: d.amount,
        republicanContractAttested: true,
        expectedBeneficiaries: 60,
        targetDomainIds: domains.slice(0, 1).map(String),
        targetNeighbourhoodIds: neighbourhoods.slice(0, 2).map(String),
        budgetLines: [
          { kind: 'EXPENSE', label: 'Personnel', amount: d.amount },
          { kind: 'EXPENSE', label: 'Matériel', amount: 200_000 },
          { kind: 'INCOME', label: 'Fonds propres', amount: 200_000 },
        ],
        otherFunders: [{ name: 'Département (démo)', amount: 200_000, status: 'REQUESTED' }],
      });
      created++;
      const id = String(app._id);
      if (d.stage === 'DRAFT') continue;
      await submitGrantApplication(member, id);
      if (d.stage === 'SUBMITTED') continue;
      if (d.stage === 'WITHDRAWN') {
        await withdrawGrantApplication(member, id, 'Projet reporté à l’an prochain (démo).');
        continue;
      }
      await startReview(officer, id);
      await addReview(officer, id, {
        scores: [
          { criterion: 'impact', score: 4 },
          { criterion: 'faisabilité', score: 3 },
        ],
        recommendation: d.stage === 'REJECTED' ? 'REJECT' : 'APPROVE',
        comment: 'Avis de démonstration.',
      });
      await addPrivateNote(officer, id, 'Note interne de démonstration : bilan précédent satisfaisant.');
      await sendGrantMessage(member, id, 'Bonjour, nous restons disponibles pour toute question (démo).');
      if (d.stage === 'UNDER_REVIEW') continue;
      if (d.stage === 'CHANGES_REQUESTED') {
        await requestChanges(officer, id, 'Merci de détailler le budget prévisionnel (démo).');
        continue;
      }
      if (d.stage === 'REJECTED') {
        await rejectGrantApplication(officer, id, { motivation: 'Le projet ne relève pas de ce dispositif (démo).' });
        continue;
      }
      await approveGrantApplication(officer, id, { amount: d.amount, envelopeId: String(envelope._id), motivation: 'Projet utile au quartier (démo).' });
      if (d.amount > 2_300_000) await recordConvention(officer, id, { reference: `CONV-${y}-DEMO-${d.org}`, signedOn: clock.now().toISOString().slice(0, 10) });
      const half = Math.floor(d.amount / 2);
      // Nothing falls due before the decision (today, for this year's grants decided late in the year).
      const decidedOn = clock.now().toISOString().slice(0, 10);
      const due = (planned: string) => (planned < decidedOn ? decidedOn : planned);
      const scheduled = await schedulePayments(officer, id, [
        { amount: half, dueDate: due(`${y}-04-01`) },
        { amount: d.amount - half, dueDate: due(`${y}-10-01`) },
      ]);
      const [t1, t2] = scheduled.payments.map((t) => String(t._id));
      if (y === year && now < day(y, 4, 1)) continue; // too early in the year for a payment
      await recordPayment(officer, id, { trancheId: t1, paidOn: y === year ? undefined : `${y}-03-15` });
      if (d.stage !== 'COMPLETED') continue;
      clock.now = () => day(y + 1, 3, 1);
      await recordPayment(officer, id, { trancheId: t2, paidOn: `${y}-10-01` });
      await submitFinalReport(member, id, {
        spentLines: [
          { label: 'Personnel', amount: d.amount },
          { label: 'Matériel', amount: 180_000 },
        ],
        beneficiariesReached: 72,
        narrative: 'Bilan de démonstration : objectifs atteints.',
      });
      await acceptFinalReport(officer, id);
    }
  } finally {
    clock.now = realNow;
  }
  ctx.log.info({ applications: created }, 'seeded grants (invented demo data)');
}
