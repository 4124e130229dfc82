// Grants' DataLoaders, fresh per request: programmes, envelopes and applications by organisation. The
// officer's declared conflicts are the organisation module's (`ctx.loaders.organisation.recusalsByOfficer`).
import { byIdLoader, groupByLoader } from '../../shared/loaders';
import { FundingProgrammeModel, type FundingProgrammeDoc } from './budget/funding-programme.model';
import { BudgetEnvelopeModel, type BudgetEnvelopeDoc } from './budget/budget-envelope.model';
import { GrantApplicationModel, type GrantApplicationDoc } from './application/grant-application.model';
import { CouncilDecisionModel, type CouncilDecisionDoc } from './convention/council-decision.model';

type Rec<T> = T & Record<string, unknown>;

export function createGrantsLoaders() {
  return {
    fundingProgrammeById: byIdLoader<FundingProgrammeDoc>(FundingProgrammeModel),
    budgetEnvelopeById: byIdLoader<BudgetEnvelopeDoc>(BudgetEnvelopeModel, { commitments: 0, payments: 0 }),
    envelopesByProgramme: groupByLoader<Rec<BudgetEnvelopeDoc>>(BudgetEnvelopeModel, 'programme', {
      sort: { label: 1 },
      projection: { commitments: 0, payments: 0 },
    }),
    councilDecisionById: byIdLoader<CouncilDecisionDoc>(CouncilDecisionModel),
    applicationsByOrganisation: groupByLoader<Rec<GrantApplicationDoc>>(GrantApplicationModel, 'organisation', {
      sort: { createdAt: -1 },
      projection: { outbox: 0 },
    }),
  };
}
