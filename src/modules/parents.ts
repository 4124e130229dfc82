// What the resolvers of each GraphQL object type receive as their parent: the codegen mappers
// (codegen.ts) point here, so the generated `Resolvers` speak in our documents, not in wire shapes.
import type { Membership, MembershipStatus, Viewer } from '../auth/viewer';
import type { Connection } from '../shared/pagination';
import type { ActivityDoc } from './activity/activity.model';
import type { CofundingAlert, Funding } from './coordination/cofunding.service';
import type { FundingSummary, ThresholdAlert } from './grants/funding/funding.service';
import type { CoverageCell } from './coordination/coverage.service';
import type { BudgetEnvelopeDoc } from './grants/budget/budget-envelope.model';
import type { ConflictOfInterestDoc } from './organisation/conflict-of-interest.model';
import type { FundingProgrammeDoc } from './grants/budget/funding-programme.model';
import type { GrantApplicationDoc } from './grants/application/grant-application.model';
import type { NotificationDoc, OutboxMessageDoc, WebhookDoc } from './messaging/messaging.model';
import type { Network, NetworkNode } from './network/network.service';
import type { PartnershipDoc } from './network/partnership.model';
import type { Exclusion } from './opendata/opendata.service';
import type { OrganisationDoc } from './organisation/organisation.model';
import type { DomainDoc } from './reference/domain.model';
import type { NeighbourhoodDoc } from './reference/neighbourhood.model';
import type { UserDoc } from './user/user.model';

export type {
  ActivityDoc,
  BudgetEnvelopeDoc,
  ConflictOfInterestDoc,
  DomainDoc,
  FundingProgrammeDoc,
  GrantApplicationDoc,
  NeighbourhoodDoc,
  OrganisationDoc,
  PartnershipDoc,
};
/** Named apart from the generated wire types of the same name. */
export type CofundingAlertParent = CofundingAlert;
export type FundingSummaryParent = FundingSummary;
export type ThresholdAlertParent = ThresholdAlert;
/** A withdrawn grant's recovery order (grant-application.model.ts). */
export type GrantRecoveryParent = NonNullable<GrantApplicationDoc['recovery']>;
export type CoverageCellParent = CoverageCell;
export type NetworkParent = Network;
export type NetworkNodeParent = NetworkNode;
export type { Exclusion, Funding };

/** A person: the signed-in viewer (already shaped) or a user document read from the database. */
export type UserParent = Viewer | UserDoc;
/** A membership as the user and organisation resolvers build it: the viewer's shape plus its person. */
export type MembershipParent = Membership & { status?: MembershipStatus; user: UserParent };

export type OrganisationConnectionParent = Connection<OrganisationDoc>;
export type ActivityRecordConnectionParent = Connection<ActivityDoc>;
export type UserConnectionParent = Connection<UserDoc>;
export type { OrganisationClaimDoc } from './organisation/organisation-claim.model';
export type OrganisationClaimConnectionParent = Connection<import('./organisation/organisation-claim.model').OrganisationClaimDoc>;
export type RegistryClashParent = NonNullable<OrganisationDoc['registryClash']>;
export type GrantApplicationConnectionParent = Connection<GrantApplicationDoc>;
export type { NotificationDoc, OutboxMessageDoc, WebhookDoc };
export type NotificationConnectionParent = Connection<NotificationDoc>;
export type OutboxMessageConnectionParent = Connection<OutboxMessageDoc>;

export type { DocumentDoc } from './document/document.model';
export type DocumentConnectionParent = Connection<import('./document/document.model').DocumentDoc>;

export type GrantDecisionParent = NonNullable<GrantApplicationDoc['decision']>;
export type GrantReviewParent = GrantApplicationDoc['reviews'][number];
export type GrantNoteParent = GrantApplicationDoc['notes'][number];
export type GrantMessageParent = GrantApplicationDoc['messages'][number];
export type FinalReportParent = NonNullable<GrantApplicationDoc['finalReport']>;
export type { CouncilDecisionDoc } from './grants/convention/council-decision.model';
/** A multi-year convention with the application it belongs to (its years' paid amounts are read from the payments). */
export type MultiYearConventionParent = { app: GrantApplicationDoc; convention: NonNullable<GrantApplicationDoc['multiYear']> };
export interface ConventionYearParent {
  year: number;
  amount: number;
  status: 'PROVISIONAL' | 'COMMITTED';
  envelope?: import('mongoose').Types.ObjectId | null;
  councilDecision?: import('mongoose').Types.ObjectId | null;
  committedAt?: Date | null;
  interimReport?: { narrative: string; amountSpent: number; submittedAt: Date } | null;
  paid: number;
}

/** The dossier and its letters (grants/dossier, letters). */
export type { ChecklistItem as ChecklistItemParent } from './grants/dossier/checklist';
export type { DocumentRequirement as DocumentRequirementParent } from './grants/budget/document-requirements';
export type { AttachedDocumentParent } from './grants/commands/dossier';
export type { LetterDoc } from './letters/letters.model';
export type { ProgrammeTemplate as LetterTemplateParent } from './letters/letters.service';

/** A GeoJSON geometry as stored (RFC 7946); the scalar passes it through unchanged. */
export interface GeoJsonGeometry {
  type: string;
  coordinates: unknown;
}
