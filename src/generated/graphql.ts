import type { GeoJsonGeometry } from '../modules/parents';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ActivityDoc, ActivityRecordConnectionParent, AttachedDocumentParent, BudgetEnvelopeDoc, CofundingAlertParent, ConflictOfInterestDoc, ConventionYearParent, CouncilDecisionDoc, CoverageCellParent, DocumentDoc, DocumentConnectionParent, DomainDoc, ChecklistItemParent, DocumentRequirementParent, FinalReportParent, FundingProgrammeDoc, FundingSummaryParent, GrantRecoveryParent, ThresholdAlertParent, GrantApplicationDoc, GrantApplicationConnectionParent, GrantDecisionParent, Funding, LetterDoc, GrantMessageParent, GrantNoteParent, GrantReviewParent, LetterTemplateParent, MembershipParent, MultiYearConventionParent, NeighbourhoodDoc, NetworkParent, NotificationDoc, NotificationConnectionParent, OutboxMessageDoc, OutboxMessageConnectionParent, WebhookDoc, NetworkNodeParent, Exclusion, OrganisationDoc, OrganisationConnectionParent, PartnershipDoc, UserParent, UserConnectionParent, OrganisationClaimDoc, OrganisationClaimConnectionParent, RegistryClashParent } from '../modules/parents';
import type { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar day, YYYY-MM-DD. */
  Date: { input: string; output: Date | string; }
  /** An instant, as an ISO 8601 string in UTC. */
  DateTime: { input: Date; output: Date | string; }
  /** A GeoJSON geometry object (RFC 7946). Output only. */
  GeoJSON: { input: never; output: GeoJsonGeometry; }
  /** An amount in euro cents, as a whole number (150000 = 1,500.00 EUR). In input, at most 10,000,000,000,000 cents (100 billion EUR) either way, else a top-level BAD_USER_INPUT naming the path; each operation may bound its amounts lower (grants: 1 billion EUR). */
  Money: { input: number; output: number; }
};

/** The answer of register, resendVerificationEmail and requestPasswordReset: the same whether or not the email has an account. */
export type AccountRequestPayload = {
  __typename?: 'AccountRequestPayload';
  /** True when the request was taken (an email may have been sent); false when `errors` says what to fix. */
  accepted: Scalars['Boolean']['output'];
  /** Bad input (on its field). */
  errors: Array<UserError>;
  /** What happens next, in words that do not say whether an account exists. */
  message?: Maybe<Scalars['String']['output']>;
};

/** One record of the audit trail: who did what, when, from which status to which, and why. */
export type ActivityRecord = {
  __typename?: 'ActivityRecord';
  /** What was done (CREATE, SUBMIT, START_REVIEW, APPROVE, RECORD_PAYMENT...). */
  action: Scalars['String']['output'];
  /** Who did it; null for the system (reconciliation). */
  actor?: Maybe<User>;
  /** When. */
  at: Scalars['DateTime']['output'];
  /** For an edit (of an organisation's profile, or a member added by staff): each field changed, before and after, bank details masked. Empty for the other steps. */
  changes: Array<FieldChange>;
  /** Status before. */
  fromStatus?: Maybe<Scalars['String']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Why (a motivation, a requested change), when given. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Status after. */
  toStatus?: Maybe<Scalars['String']['output']>;
};

/** A page of the audit trail, newest first. */
export type ActivityRecordConnection = {
  __typename?: 'ActivityRecordConnection';
  /** This page. */
  edges: Array<ActivityRecordEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many records the trail holds (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One record of the audit trail in a list, with its cursor. */
export type ActivityRecordEdge = {
  __typename?: 'ActivityRecordEdge';
  /** Opaque position of this record: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: ActivityRecord;
};

/** A person to add to an organisation. */
export type AddOrganisationMemberInput = {
  /** Email of the person's account. */
  email: Scalars['String']['input'];
  /** The organisation. */
  organisationId: Scalars['ID']['input'];
  /** What the person may do there (default EDITOR). */
  role?: InputMaybe<MembershipRole>;
  /** Title in the organisation (at most 80 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A postal address. */
export type Address = {
  __typename?: 'Address';
  /** Town. */
  city?: Maybe<Scalars['String']['output']>;
  /** Postcode. */
  postcode?: Maybe<Scalars['String']['output']>;
  /** Number and street. */
  street?: Maybe<Scalars['String']['output']>;
};

/** A location to set on an organisation. */
export type AddressInput = {
  /** Town. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** Postcode (5 digits). */
  postcode?: InputMaybe<Scalars['String']['input']>;
  /** Number and street. */
  street?: InputMaybe<Scalars['String']['input']>;
};

/** An amendment (avenant) to a multi-year convention. */
export type AmendConventionInput = {
  /** The application. */
  applicationId: Scalars['ID']['input'];
  /** Why (required, at most 2,000 characters). */
  reason: Scalars['String']['input'];
  /** Every year and its amount after the amendment: 2 to 4 consecutive years from the first; voted years unchanged. */
  years: Array<YearAmountInput>;
};

/** An approval. */
export type ApproveInput = {
  /** Amount granted, positive, at most the amount requested. */
  amount: Scalars['Money']['input'];
  /** The council decision that decides this grant. */
  councilDecisionId?: InputMaybe<Scalars['ID']['input']>;
  /** Envelope of the application's programme to commit it in. */
  envelopeId: Scalars['ID']['input'];
  /** Aid in kind granted with the grant (at most 20 items). */
  inKind?: InputMaybe<Array<InKindInput>>;
  /** Why (at most 2,000 characters). */
  motivation?: InputMaybe<Scalars['String']['input']>;
  /** For a multi-year request: the amount granted each year (each at most the year's request), the first equal to `amount`; the requested years with the first set to `amount` when omitted. */
  years?: InputMaybe<Array<YearAmountInput>>;
};

/** What attachDocument takes. */
export type AttachDocumentInput = {
  /** The application (editable: DRAFT or CHANGES_REQUESTED). */
  applicationId: Scalars['ID']['input'];
  /** A document of the applicant organisation's vault, e.g. last year's statutes. */
  documentId: Scalars['ID']['input'];
  /** The programme's requirement it answers (its kind must match); none for a supporting document of no requirement. */
  requirementId?: InputMaybe<Scalars['String']['input']>;
};

/** Attaches a decided grant to a council decision. */
export type AttachToCouncilDecisionInput = {
  /** The approved (or completed) application. */
  applicationId: Scalars['ID']['input'];
  /** The council decision. */
  councilDecisionId: Scalars['ID']['input'];
};

/** A document of the organisation's vault attached to an application. */
export type AttachedDocument = {
  __typename?: 'AttachedDocument';
  /** When it was attached. */
  attachedAt: Scalars['DateTime']['output'];
  /** Who attached it. */
  attachedBy?: Maybe<User>;
  /** The document. */
  document: Document;
  /** The requirement it answers, if any. */
  requirementId?: Maybe<Scalars['String']['output']>;
};

/** The beneficiary as it was when the grant was decided (what the open data publishes). */
export type BeneficiarySnapshot = {
  __typename?: 'BeneficiarySnapshot';
  /** Name at the decision. */
  name: Scalars['String']['output'];
  /** RNA number at the decision, if any. */
  rna?: Maybe<Scalars['String']['output']>;
  /** SIRET at the decision, if any. */
  siret?: Maybe<Scalars['String']['output']>;
};

/** A budget envelope (crédits). Always 0 <= paid <= committed <= total. */
export type BudgetEnvelope = {
  __typename?: 'BudgetEnvelope';
  /** Credits committed by approved grants. */
  committed: Scalars['Money']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Label of the envelope. */
  label: Scalars['String']['output'];
  /** Credits paid out. */
  paid: Scalars['Money']['output'];
  /** The programme it funds. */
  programme: FundingProgramme;
  /** Credits still available to commit (total - committed). */
  remaining: Scalars['Money']['output'];
  /** Credits voted. */
  total: Scalars['Money']['output'];
};

/** The result of creating or editing an envelope. */
export type BudgetEnvelopePayload = {
  __typename?: 'BudgetEnvelopePayload';
  /** The envelope, or null when refused. */
  envelope?: Maybe<BudgetEnvelope>;
  /** Why it was refused. */
  errors: Array<UserError>;
};

/** A line of the project's budget. */
export type BudgetLine = {
  __typename?: 'BudgetLine';
  /** Amount. */
  amount: Scalars['Money']['output'];
  /** Expense or income. */
  kind: BudgetLineKind;
  /** What it is. */
  label: Scalars['String']['output'];
};

/** A budget line. */
export type BudgetLineInput = {
  /** Amount, positive, at most 100,000,000,000 cents (1 billion EUR); the expense lines together, and the income lines together, at most that too. */
  amount: Scalars['Money']['input'];
  /** Expense or income. */
  kind: BudgetLineKind;
  /** What it is. */
  label: Scalars['String']['input'];
};

/** Whether a budget line is money spent or money received. */
export type BudgetLineKind =
  /** A cost of the project. */
  | 'EXPENSE'
  /** A resource of the project (own funds, other funders...), the request to the city excluded. */
  | 'INCOME';

/** The result of changePassword. */
export type ChangePasswordPayload = {
  __typename?: 'ChangePasswordPayload';
  /** Why the change was refused, on its field. */
  errors: Array<UserError>;
  /** When the fresh token expires. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** A fresh token for this session (the old one, and every other session's, no longer work). */
  token?: Maybe<Scalars['String']['output']>;
  /** The account. */
  user?: Maybe<User>;
};

/** Where one requirement stands in an application's dossier. */
export type ChecklistStatus =
  /** The attached document is past its `validUntil`. */
  | 'EXPIRED'
  /** No document is attached for it. */
  | 'MISSING'
  /** A valid document is attached. */
  | 'OK'
  /** The attached document was uploaded longer ago than the requirement's `maxAgeMonths`. */
  | 'TOO_OLD';

/** The city this server serves, from its settings (CITY_NAME, CITY_INSEE, CITY_SIRET, CITY_ADDRESS, PUBLIC_URL). */
export type City = {
  __typename?: 'City';
  /** The town hall's postal address, line by line; the last line is the postcode and the town. */
  address: Array<Scalars['String']['output']>;
  /** The commune's INSEE code (5 characters). */
  insee: Scalars['String']['output'];
  /** As named in publications and letters, e.g. "Commune de Bellerive-sur-Lune". */
  name: Scalars['String']['output'];
  /** Where people reach the application. */
  publicUrl: Scalars['String']['output'];
  /** The city's SIRET, the attributing body of its open-data publication. */
  siret: Scalars['String']['output'];
};

/** A request to manage an organisation (claimOrganisation). */
export type ClaimOrganisationInput = {
  /** Who you are in it and how an officer can check (at most 2,000 characters). */
  message?: InputMaybe<Scalars['String']['input']>;
  /** The organisation, which must have no manager. */
  organisationId: Scalars['ID']['input'];
};

/** An application whose co-funding needs an officer's attention. */
export type CofundingAlert = {
  __typename?: 'CofundingAlert';
  /** The application. */
  application: GrantApplication;
  /** Why. */
  flag: FundingFlag;
  /** Its ledger. */
  funding: GrantFunding;
  /** What is wrong, in words, with the amounts. */
  message: Scalars['String']['output'];
  /** For a duplicate: the other applications of the same project. */
  related: Array<GrantApplication>;
};


/** An application whose co-funding needs an officer's attention. */
export type CofundingAlertRelatedArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An officer's declared link to an organisation. */
export type ConflictOfInterest = {
  __typename?: 'ConflictOfInterest';
  /** When it was declared. */
  declaredAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The organisation. */
  organisation?: Maybe<Organisation>;
  /** The link declared. */
  reason: Scalars['String']['output'];
};

/** The result of declaring a conflict of interest. */
export type ConflictOfInterestPayload = {
  __typename?: 'ConflictOfInterestPayload';
  /** The declaration, or null when refused. */
  conflict?: Maybe<ConflictOfInterest>;
  /** Why it was refused. */
  errors: Array<UserError>;
};

/** An amendment (avenant) to a multi-year convention. */
export type ConventionAmendment = {
  __typename?: 'ConventionAmendment';
  /** The years and amounts after. */
  after: Array<YearAmount>;
  /** When. */
  amendedAt: Scalars['DateTime']['output'];
  /** The years and amounts before. */
  before: Array<YearAmount>;
  /** Why. */
  reason: Scalars['String']['output'];
  /** The convention's version this amendment made (the approval is version 1). */
  version: Scalars['Int']['output'];
};

/** The signed convention. */
export type ConventionInput = {
  /** Reference of the convention. */
  reference: Scalars['String']['input'];
  /** Signature date. */
  signedOn: Scalars['Date']['input'];
};

/** One year of a multi-year convention. */
export type ConventionYear = {
  __typename?: 'ConventionYear';
  /** Amount of the year in the convention's current version. */
  amount: Scalars['Money']['output'];
  /** Day it was committed; null while provisional. */
  committedOn?: Maybe<Scalars['Date']['output']>;
  /** The council decision that voted it; null while provisional (and for the first year until one is attached). */
  councilDecision?: Maybe<CouncilDecision>;
  /** The envelope it is committed on; null while provisional. */
  envelope?: Maybe<BudgetEnvelope>;
  /** The year's interim report, which the next year's payments wait for; null until submitted (the last year has the final report instead). */
  interimReport?: Maybe<InterimReport>;
  /** Paid so far on this year. */
  paid: Scalars['Money']['output'];
  /** Provisional until the council votes it, then committed. */
  status: ConventionYearStatus;
  /** The year. */
  year: Scalars['Int']['output'];
};

/** Where one year of a multi-year convention stands. */
export type ConventionYearStatus =
  /** Voted: its amount is committed on its year's envelope and may be paid. */
  | 'COMMITTED'
  /** Written in the convention, not yet voted by the council: nothing is committed nor paid on it. */
  | 'PROVISIONAL';

/** A council decision (délibération) that decides grants; its reference is SCDL's referenceDecision. */
export type CouncilDecision = {
  __typename?: 'CouncilDecision';
  /** The deciding body, e.g. Conseil municipal. */
  body: Scalars['String']['output'];
  /** Day of the sitting. */
  date: Scalars['Date']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The act's reference, e.g. `2026-03-103`. */
  reference: Scalars['String']['output'];
};

/** The result of recording a council decision. */
export type CouncilDecisionPayload = {
  __typename?: 'CouncilDecisionPayload';
  /** The decision, or null when refused. */
  councilDecision?: Maybe<CouncilDecision>;
  /** Why it was refused. */
  errors: Array<UserError>;
};

/** The coverage matrix: one cell per domain x neighbourhood. */
export type Coverage = {
  __typename?: 'Coverage';
  /** Cells, priority neighbourhoods first, then by neighbourhood name and domain (programme proposal order). */
  cells: Array<CoverageCell>;
  /** How many cells are gaps. */
  gapCount: Scalars['Int']['output'];
  /** The year of the grants counted. */
  year: Scalars['Int']['output'];
};

/** One domain in one neighbourhood: who works there, and what the city funded there that year. */
export type CoverageCell = {
  __typename?: 'CoverageCell';
  /** Active organisations (public or not) working in the domain and serving the neighbourhood. */
  activeOrganisations: Scalars['Int']['output'];
  /** Sum granted to those applications for that year: the decision's cash (a convention's amount voted for the year) plus the year's aid in kind. */
  amountGranted: Scalars['Money']['output'];
  /** Applications approved that year, or multi-year conventions with that year voted, whose project targets this domain and neighbourhood (or, when it names no target, whose organisation works there). */
  approvedApplications: Scalars['Int']['output'];
  /** The domain. */
  domain: Domain;
  /** A gap: a priority neighbourhood (QPV) with no active organisation in this domain. */
  isGap: Scalars['Boolean']['output'];
  /** The neighbourhood. */
  neighbourhood: Neighbourhood;
};

/** Which part of the coverage matrix to compute. */
export type CoverageFilter = {
  /** Only these domains (at most 50); every domain when omitted. A parent domain's cell counts its children's organisations and grants. */
  domainIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The year of the grant decisions counted (Paris time); the current year when omitted. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** A new budget envelope. */
export type CreateBudgetEnvelopeInput = {
  /** Label, unique within the programme. */
  label: Scalars['String']['input'];
  /** The programme it funds. */
  programmeId: Scalars['ID']['input'];
  /** Credits voted. */
  total: Scalars['Money']['input'];
};

/** A council decision to record. */
export type CreateCouncilDecisionInput = {
  /** The deciding body (at most 200 characters). */
  body: Scalars['String']['input'];
  /** Day of the sitting, today or before. */
  date: Scalars['Date']['input'];
  /** The act's reference (unique, at most 100 characters). */
  reference: Scalars['String']['input'];
};

/** A new domain. */
export type CreateDomainInput = {
  /** Stable key: 2 to 60 lower-case letters, digits and dashes, unique. */
  code: Scalars['String']['input'];
  /** What the domain covers, up to 1000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Name, 1 to 120 characters. */
  name: Scalars['String']['input'];
  /** The broader, top-level domain; none for a top-level domain. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** The programme proposal it serves (1 to 99); a sub-domain without one takes its parent's. */
  proposal?: InputMaybe<Scalars['Int']['input']>;
};

/** A new funding programme. */
export type CreateFundingProgrammeInput = {
  /** Last day of submissions. */
  closesOn: Scalars['Date']['input'];
  /** What it funds. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Domains it serves. */
  domainIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Eligible legal forms; omit for all. */
  eligibleLegalForms?: InputMaybe<Array<LegalForm>>;
  /** Largest request, at most 100,000,000,000 cents (1 billion EUR). */
  maxAmount: Scalars['Money']['input'];
  /** Smallest request, at most 100,000,000,000 cents (1 billion EUR). */
  minAmount: Scalars['Money']['input'];
  /** Name, unique within the year. */
  name: Scalars['String']['input'];
  /** First day of submissions. */
  opensOn: Scalars['Date']['input'];
  /** The funded year. */
  year: Scalars['Int']['input'];
};

/** A new application (a DRAFT). Only the first five fields are needed now. */
export type CreateGrantApplicationInput = {
  /** The budget; replaces the whole list. */
  budgetLines?: InputMaybe<Array<BudgetLineInput>>;
  /** Description of the project. */
  description: Scalars['String']['input'];
  /** People expected to be reached. */
  expectedBeneficiaries?: InputMaybe<Scalars['Int']['input']>;
  /** Objectives. */
  objectives?: InputMaybe<Scalars['String']['input']>;
  /** The applying organisation (you must be one of its members). */
  organisationId: Scalars['ID']['input'];
  /** Other funders; replaces the whole list. */
  otherFunders?: InputMaybe<Array<OtherFunderInput>>;
  /** The programme applied to. */
  programmeId: Scalars['ID']['input'];
  /** Attests the contrat d'engagement républicain. */
  republicanContractAttested?: InputMaybe<Scalars['Boolean']['input']>;
  /** Amount requested, positive, at most 100,000,000,000 cents (1 billion EUR). */
  requestedAmount: Scalars['Money']['input'];
  /** Domains served. */
  targetDomainIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Targeted neighbourhoods. */
  targetNeighbourhoodIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Title of the project (at most 200 characters). */
  title: Scalars['String']['input'];
  /** A multi-year request: 2 to 4 consecutive years from the programme's; requestedAmount must be their sum. */
  years?: InputMaybe<Array<YearAmountInput>>;
};

/** A new neighbourhood. */
export type CreateNeighbourhoodInput = {
  /** The official code (QPV, IRIS) or a slug: 2 to 60 letters, digits, dashes, underscores or dots, unique. */
  code: Scalars['String']['input'];
  /** Its shape. */
  geometry: GeometryInput;
  /** A priority neighbourhood of the city policy (QPV). */
  isPriority?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name, 1 to 120 characters. */
  name: Scalars['String']['input'];
  /** Approximate population. */
  population?: InputMaybe<Scalars['Int']['input']>;
};

/** A new organisation. Associations need an RNA number or a SIRET; other forms need a SIRET. */
export type CreateOrganisationInput = {
  /** Acronym (at most 30 characters). */
  acronym?: InputMaybe<Scalars['String']['input']>;
  /** Postal address. */
  address?: InputMaybe<AddressInput>;
  /** Purpose (objet), 10 to 5,000 characters. */
  description: Scalars['String']['input'];
  /** Domains of action (at most 20). */
  domainIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Head-counts. */
  headcount?: InputMaybe<HeadcountInput>;
  /** IBAN (checked with its key). */
  iban?: InputMaybe<Scalars['String']['input']>;
  /** Listed in the public directory (default true). */
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  /** Labels and approvals (at most 20). */
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Legal form. */
  legalForm: LegalForm;
  /** Location, inside the city's bounds. */
  location?: InputMaybe<GeoPointInput>;
  /** Name (2 to 200 characters). */
  name: Scalars['String']['input'];
  /** Neighbourhoods served (at most 30); deduced from the location when omitted. */
  neighbourhoodIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Private contact. */
  privateContact?: InputMaybe<PrivateContactInput>;
  /** Public contact email. */
  publicEmail?: InputMaybe<Scalars['String']['input']>;
  /** Public contact phone. */
  publicPhone?: InputMaybe<Scalars['String']['input']>;
  /** RNA number: W followed by 9 digits. */
  rna?: InputMaybe<Scalars['String']['input']>;
  /** SIRET: 14 digits with a valid check digit. */
  siret?: InputMaybe<Scalars['String']['input']>;
  /** Website (http or https). */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** A new partnership between two organisations. */
export type CreatePartnershipInput = {
  /** What they do together (at most 1,000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** One organisation; for FEDERATION_MEMBER, the member. */
  fromId: Scalars['ID']['input'];
  /** How they are linked. */
  kind: PartnershipKind;
  /** Since when (YYYY-MM-DD), if known. */
  since?: InputMaybe<Scalars['Date']['input']>;
  /** The other organisation; for FEDERATION_MEMBER, the federation. */
  toId: Scalars['ID']['input'];
};

/** An account an admin creates (createUser); its owner chooses the password from the emailed invitation. */
export type CreateUserInput = {
  /** The person's name. */
  displayName: Scalars['String']['input'];
  /** Sign-in email; the invitation link (valid 7 days) is sent there. */
  email: Scalars['String']['input'];
  /** City-wide role. */
  role: Role;
};

/** A new webhook. */
export type CreateWebhookInput = {
  /** What it is for (500 characters at most). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The event types to receive (see docs/notifications.md), at least one. */
  events: Array<Scalars['String']['input']>;
  /** Where to POST deliveries: http(s); in production not an address on a loopback or private network. */
  url: Scalars['String']['input'];
};

/** The result of createWebhook. */
export type CreateWebhookPayload = {
  __typename?: 'CreateWebhookPayload';
  /** Refusals, each on its field. */
  errors: Array<UserError>;
  /** The signing secret (`whsec_...`), shown this once: store it with the receiver. */
  secret?: Maybe<Scalars['String']['output']>;
  /** The new webhook. */
  webhook?: Maybe<Webhook>;
};

/** An officer's decision on a claim (decideOrganisationClaim). */
export type DecideOrganisationClaimInput = {
  /** True makes the claimant MANAGER; false rejects the claim. */
  approve: Scalars['Boolean']['input'];
  /** Why; required to reject (the claimant reads it). */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** What an organisation declares about a year (a field left out keeps its value; null clears it). */
export type DeclareFundingYearInput = {
  /** The organisation's budget (total expenses) for the year, in cents. */
  budget?: InputMaybe<Scalars['Money']['input']>;
  /** The city's aid this year is granted under the de minimis regulation (officers and admins only). */
  deMinimis?: InputMaybe<Scalars['Boolean']['input']>;
  /** The organisation. */
  organisationId: Scalars['ID']['input'];
  /** Other de minimis aid received that year, in cents. */
  otherDeMinimisAid?: InputMaybe<Scalars['Money']['input']>;
  /** Public grants from other funders that year (State, region, CAF, EU...), in cents. */
  otherPublicFunding?: InputMaybe<Scalars['Money']['input']>;
  /** The year (2000 to 2100). */
  year: Scalars['Int']['input'];
};

/** The result of declareFundingYear. */
export type DeclareFundingYearPayload = {
  __typename?: 'DeclareFundingYearPayload';
  /** Why it was refused. */
  errors: Array<UserError>;
  /** The year's figures after the declaration, or null when refused. */
  summary?: Maybe<FundingSummary>;
};

/** The result of deleteDocument. */
export type DeleteDocumentPayload = {
  __typename?: 'DeleteDocumentPayload';
  /** The id of the deleted document, or null when refused. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Why it was refused (DOCUMENT_IN_USE while a submitted application uses it). */
  errors: Array<UserError>;
};

/** The result of deleteWebhook. */
export type DeleteWebhookPayload = {
  __typename?: 'DeleteWebhookPayload';
  /** The id of the deleted webhook. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Refusals. */
  errors: Array<UserError>;
};

/** What detachDocument takes. */
export type DetachDocumentInput = {
  /** The application (editable: DRAFT or CHANGES_REQUESTED). */
  applicationId: Scalars['ID']['input'];
  /** The attached document to remove from the application (it stays in the vault). */
  documentId: Scalars['ID']['input'];
};

/** A file in an organisation's vault. Seen by the organisation's members, officers and admins (not recused); coordinators never see financial kinds. */
export type Document = {
  __typename?: 'Document';
  /** The type read from the bytes (PDF, PNG, JPEG, OpenDocument, Office Open XML or CSV). */
  contentType: Scalars['String']['output'];
  /** When it was uploaded. */
  createdAt: Scalars['DateTime']['output'];
  /** Where to download it (GET with the Bearer token): `/api/documents/<id>`. */
  downloadUrl: Scalars['String']['output'];
  /** The file's name, cleaned (no path, no control or direction characters), with the extension of its real type. */
  filename: Scalars['String']['output'];
  /** Stable identifier; the bytes are at `downloadUrl`. */
  id: Scalars['ID']['output'];
  /** What it is. */
  kind: DocumentKind;
  /** The SHA-256 of the bytes, hexadecimal. */
  sha256: Scalars['String']['output'];
  /** Size in bytes. */
  size: Scalars['Int']['output'];
  /** CURRENT, EXPIRED or SUPERSEDED, as of now. */
  status: DocumentStatus;
  /** The version that replaced this one, if any. */
  supersededBy?: Maybe<Document>;
  /** The version this one replaced, if any. */
  supersedes?: Maybe<Document>;
  /** A title given at upload, or the filename. */
  title: Scalars['String']['output'];
  /** The last day it is valid, if it has one. */
  validUntil?: Maybe<Scalars['Date']['output']>;
};

/** One line of an application's checklist. */
export type DocumentChecklistItem = {
  __typename?: 'DocumentChecklistItem';
  /** The document attached for it, if any. */
  document?: Maybe<Document>;
  /** Why the programme's requirement is not asked of this application (RNA number known, below a threshold, optional); null when it is. */
  reason?: Maybe<Scalars['String']['output']>;
  /** The programme's requirement; `required` says whether it is asked of this application. */
  requirement: DocumentRequirement;
  /** Where it stands. */
  status: ChecklistStatus;
  /** True when an officer asked, with their change request, for this document to be replaced. */
  toReplace: Scalars['Boolean']['output'];
};

/** A page of an organisation's documents, newest first. */
export type DocumentConnection = {
  __typename?: 'DocumentConnection';
  /** This page. */
  edges: Array<DocumentEdge>;
  /** The documents of this page, in order. */
  nodes: Array<Document>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many documents match (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One document of a page. */
export type DocumentEdge = {
  __typename?: 'DocumentEdge';
  /** Opaque position of this document: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The document. */
  node: Document;
};

/** What a supporting document is, after the lists of CERFA 12156 (application) and 15059 (final report). */
export type DocumentKind =
  /** The last activity report. */
  | 'ACTIVITY_REPORT'
  /** The last approved annual accounts. */
  | 'ANNUAL_ACCOUNTS'
  /** The auditor's report (organisations over 153,000 EUR of public grants a year). */
  | 'AUDITOR_REPORT'
  /** Bank details (RIB). */
  | 'BANK_DETAILS'
  /** The list of the board's members (bureau, conseil d'administration). */
  | 'BOARD_LIST'
  /** The financial report of a funded action (CERFA 15059). */
  | 'FINANCIAL_REPORT'
  /** The organisation's budget for the year. */
  | 'ORGANISATION_BUDGET'
  /** Anything else. */
  | 'OTHER'
  /** The budget of the funded project. */
  | 'PROJECT_BUDGET'
  /** A proof of an expense of a funded action. */
  | 'PROOF_OF_EXPENSE'
  /** The signed application form. */
  | 'SIGNED_APPLICATION'
  /** The organisation's statutes. */
  | 'STATUTES';

/** A document a programme asks for. */
export type DocumentRequirement = {
  __typename?: 'DocumentRequirement';
  /** Stable within the programme, e.g. `bank-details`; a MISSING_DOCUMENT problem names it as `documents.<id>`. */
  id: Scalars['String']['output'];
  /** The kind of document that answers it. */
  kind: DocumentKind;
  /** What the applicant reads. */
  label: Scalars['String']['output'];
  /** Refused as TOO_OLD when uploaded longer ago than this many months; null for any age. */
  maxAgeMonths?: Maybe<Scalars['Int']['output']>;
  /** Asked only from this requested amount; null for always. */
  minRequestedAmount?: Maybe<Scalars['Money']['output']>;
  /** On the programme: whether it is asked. In a checklist: whether it is asked of this application (see `reason`). */
  required: Scalars['Boolean']['output'];
  /** When it is checked. */
  stage: RequirementStage;
};

/** A document requirement, as an admin sets it. */
export type DocumentRequirementInput = {
  /** Stable id: 1 to 40 lower-case letters, digits and dashes, unique in the programme. */
  id: Scalars['String']['input'];
  /** The kind of document that answers it. */
  kind: DocumentKind;
  /** What the applicant reads (1 to 200 characters). */
  label: Scalars['String']['input'];
  /** Refuse documents uploaded longer ago than this many months (1 to 240); null for any age. */
  maxAgeMonths?: InputMaybe<Scalars['Int']['input']>;
  /** Ask it only from this requested amount; null for always. */
  minRequestedAmount?: InputMaybe<Scalars['Money']['input']>;
  /** Whether it is asked (default true). */
  required?: InputMaybe<Scalars['Boolean']['input']>;
  /** When it is checked (default APPLICATION). */
  stage?: InputMaybe<RequirementStage>;
};

/** Where a document stands today. */
export type DocumentStatus =
  /** The version in force. */
  | 'CURRENT'
  /** Past its `validUntil` date. */
  | 'EXPIRED'
  /** A newer version of the same kind was uploaded (see `supersededBy`). */
  | 'SUPERSEDED';

/** A domain of action (a node of a small tree: top-level domains and their sub-domains), tied to the city programme's proposal it serves. */
export type Domain = {
  __typename?: 'Domain';
  /** When an admin archived it: it left the lists and filters and stays on the records that carry it. Null while in use. */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Narrower domains (archived ones left out). */
  children: Array<Domain>;
  /** Stable human-readable key (e.g. `ess`). */
  code: Scalars['String']['output'];
  /** What the domain covers. */
  description?: Maybe<Scalars['String']['output']>;
  /** Its changes (created, edited, archived), newest first, with who and what changed. Officers and admins only: null for others. */
  history?: Maybe<ActivityRecordConnection>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Name, in the city's language. */
  name: Scalars['String']['output'];
  /** The broader domain, null for a top-level one. */
  parent?: Maybe<Domain>;
  /** Number of the city programme's proposal this domain serves. */
  proposal: Scalars['Int']['output'];
};


/** A domain of action (a node of a small tree: top-level domains and their sub-domains), tied to the city programme's proposal it serves. */
export type DomainHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The result of a change to a domain. */
export type DomainPayload = {
  __typename?: 'DomainPayload';
  /** The domain as stored, or null when refused. */
  domain?: Maybe<Domain>;
  /** Why it was refused: each problem names its input field. */
  errors: Array<UserError>;
};

/** One field changed by an edit, as the trail keeps it: text as is, other values as JSON, bank details (IBAN) masked to their country, check digits and last four characters (FR76 •••• •••• 0143). */
export type FieldChange = {
  __typename?: 'FieldChange';
  /** The value after the edit; null when it was cleared. */
  after?: Maybe<Scalars['String']['output']>;
  /** The value before the edit; null when it was empty. */
  before?: Maybe<Scalars['String']['output']>;
  /** The field, as named in the input (iban, name, isPublic, status...), or members for a member added by staff. */
  field: Scalars['String']['output'];
};

/** The final report (compte-rendu financier, CERFA 15059). */
export type FinalReport = {
  __typename?: 'FinalReport';
  /** When an officer accepted it; null until then. */
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** People actually reached. */
  beneficiariesReached: Scalars['Int']['output'];
  /** The financial report and proofs of expense submitted with it; null for anyone but the applicant's members, officers and admins (not recused). */
  documents?: Maybe<Array<Document>>;
  /** What was done. */
  narrative: Scalars['String']['output'];
  /** Amounts spent per budget line. */
  spentLines: Array<SpentLine>;
  /** When it was submitted. */
  submittedAt: Scalars['DateTime']['output'];
};

/** The final report. */
export type FinalReportInput = {
  /** People actually reached. */
  beneficiariesReached: Scalars['Int']['input'];
  /** Documents of the organisation's vault submitted with the report: FINANCIAL_REPORT and PROOF_OF_EXPENSE kinds (at most 60). */
  documentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** What was done. */
  narrative: Scalars['String']['input'];
  /** Amounts spent per budget line: 1 to 100 lines, adding up to more than 0 (a report of zeros is refused) and to at most 100,000,000,000 cents (1 billion EUR). */
  spentLines: Array<SpentLineInput>;
};

/** Where another funder stands. */
export type FunderStatus =
  /** Granted. */
  | 'GRANTED'
  /** Asked, not yet granted. */
  | 'REQUESTED';

/** Something to check in an application's co-funding. */
export type FundingFlag =
  /** The city funds the same project (same title, accents and case ignored) of the same organisation twice in a programme year. */
  | 'DUPLICATE_CITY_FUNDING'
  /** The budget has no expense line, so no share can be computed. */
  | 'NO_EXPENSES'
  /** The city's amount plus the other public funders exceed the project's cost (sum of its expense lines). */
  | 'PUBLIC_FUNDING_EXCEEDS_COST';

/** A funding programme (dispositif, call for proposals): a year, domains, an opening window, eligibility, envelopes. */
export type FundingProgramme = {
  __typename?: 'FundingProgramme';
  /** Last day applications may be submitted. */
  closesOn: Scalars['Date']['output'];
  /** What it funds. */
  description: Scalars['String']['output'];
  /** The documents it asks for; new programmes start with the CERFA 12156 list. */
  documentRequirements: Array<DocumentRequirement>;
  /** Domains the programme serves. */
  domains: Array<Domain>;
  /** Eligible legal forms; empty means all. */
  eligibleLegalForms: Array<LegalForm>;
  /** The programme's budget envelopes. */
  envelopes: Array<BudgetEnvelope>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** True when applications may be submitted today. */
  isOpen: Scalars['Boolean']['output'];
  /** Its wording of each kind of letter (its own or the default); null for anyone but officers and admins. */
  letterTemplates?: Maybe<Array<LetterTemplate>>;
  /** Largest amount one may request. */
  maxAmount: Scalars['Money']['output'];
  /** Smallest amount one may request. */
  minAmount: Scalars['Money']['output'];
  /** Name of the programme. */
  name: Scalars['String']['output'];
  /** First day applications may be submitted. */
  opensOn: Scalars['Date']['output'];
  /** The funded year; final reports are due on 30 June of the next year. */
  year: Scalars['Int']['output'];
};


/** A funding programme (dispositif, call for proposals): a year, domains, an opening window, eligibility, envelopes. */
export type FundingProgrammeEnvelopesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The result of creating or editing a programme. */
export type FundingProgrammePayload = {
  __typename?: 'FundingProgrammePayload';
  /** Why it was refused. */
  errors: Array<UserError>;
  /** The programme, or null when refused. */
  programme?: Maybe<FundingProgramme>;
};

/** One funder of a project, classified. */
export type FundingSource = {
  __typename?: 'FundingSource';
  /** Amount asked or granted. */
  amount: Scalars['Money']['output'];
  /** True for a public body (State, region, département, metropolis, CAF, agencies, EU funds...): as the applicant declared it, else recognised by its name. */
  isPublic: Scalars['Boolean']['output'];
  /** Funder's name. */
  name: Scalars['String']['output'];
  /** Asked or granted. */
  status: FunderStatus;
};

/** An organisation's public funding in a year: the city's cash and aid in kind, and other public funders. */
export type FundingSummary = {
  __typename?: 'FundingSummary';
  /** The organisation's budget for the year, as declared; null when not declared. */
  budget?: Maybe<Scalars['Money']['output']>;
  /** The city's cash granted for the year (a multi-year convention's amount of that year; a withdrawn grant only what it keeps), in cents. */
  cityCash: Scalars['Money']['output'];
  /** The city's aid in kind given that year, at its valuation, in cents. */
  cityInKind: Scalars['Money']['output'];
  /** True when the city's aid of this year is granted under the de minimis regulation. */
  deMinimis: Scalars['Boolean']['output'];
  /** Public grants from other funders that year: the organisation's declaration, or else the granted public co-funders of its funded applications, in cents. */
  otherPublic: Scalars['Money']['output'];
  /** Every threshold, crossed or not. */
  thresholds: Array<FundingThreshold>;
  /** cityCash + cityInKind + otherPublic, in cents. */
  total: Scalars['Money']['output'];
  /** The year. */
  year: Scalars['Int']['output'];
};

/** Where an organisation stands against one threshold in a year. */
export type FundingThreshold = {
  __typename?: 'FundingThreshold';
  /** The threshold that applies, in cents (ACCOUNTS_PUBLICATION: the lower of 75,000 EUR and half the declared budget). */
  amount: Scalars['Money']['output'];
  /** What is counted against it, in cents. */
  counted: Scalars['Money']['output'];
  /** True when what is counted is above the threshold. */
  crossed: Scalars['Boolean']['output'];
  /** Which threshold. */
  kind: FundingThresholdKind;
  /** The threshold and the amounts in words. */
  message: Scalars['String']['output'];
};

/** A legal threshold on the public funding an organisation receives in a year. */
export type FundingThresholdKind =
  /** 75,000 EUR of city aid, or more than half the organisation's budget: its accounts are published (CGCT L2313-1). */
  | 'ACCOUNTS_PUBLICATION'
  /** 153,000 EUR of public grants from all funders: an auditor is required (code de commerce L612-4). */
  | 'AUDITOR'
  /** 23,000 EUR of city aid (cash and in kind) in a year: a written convention is required (loi 2000-321 art. 10). */
  | 'CONVENTION'
  /** 300,000 EUR of de minimis aid over three years (EU regulation 2023/2831), where the city's aid is declared under it. */
  | 'DE_MINIMIS';

/** A point on the map, in WGS 84 degrees. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** Latitude, degrees north. */
  lat: Scalars['Float']['output'];
  /** Longitude, degrees east. */
  lng: Scalars['Float']['output'];
};

/** A point on the map, in WGS 84 degrees. */
export type GeoPointInput = {
  /** Latitude, degrees north. */
  lat: Scalars['Float']['input'];
  /** Longitude, degrees east. */
  lng: Scalars['Float']['input'];
};

/** A shape as GeoJSON coordinates, [longitude, latitude] pairs: give exactly one of `polygon` and `multiPolygon`. */
export type GeometryInput = {
  /** A MultiPolygon's polygons, each a list of rings as in `polygon`. */
  multiPolygon?: InputMaybe<Array<Array<Array<Array<Scalars['Float']['input']>>>>>;
  /** A Polygon's rings: the outline first, then its holes; each ring closed (its last position repeats its first) with at least 4 positions. */
  polygon?: InputMaybe<Array<Array<Array<Scalars['Float']['input']>>>>;
};

/** A grant application (dossier). */
export type GrantApplication = {
  __typename?: 'GrantApplication';
  /** The officer in charge (who started the review). */
  assignedTo?: Maybe<User>;
  /** The beneficiary's name and identifiers frozen at the decision; null before. */
  beneficiaryAtDecision?: Maybe<BeneficiarySnapshot>;
  /** The project's budget. */
  budgetLines: Array<BudgetLine>;
  /** The officers' last request for changes (a message): null for anyone but the applicant, officers and admins. */
  changesRequested?: Maybe<Scalars['String']['output']>;
  /** The signed convention, once recorded. */
  convention?: Maybe<GrantConvention>;
  /** The council decision the grant is attached to; null until attached. */
  councilDecision?: Maybe<CouncilDecision>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The decision, once made. */
  decision?: Maybe<GrantDecision>;
  /** Description of the project. */
  description: Scalars['String']['output'];
  /** Each of the programme's application requirements and where it stands; null for anyone but the applicant's members, officers and admins (not recused). */
  documentChecklist?: Maybe<Array<DocumentChecklistItem>>;
  /** The documents attached to it; null for anyone but the applicant's members, officers and admins (not recused). */
  documents?: Maybe<Array<AttachedDocument>>;
  /** People the project expects to reach. */
  expectedBeneficiaries?: Maybe<Scalars['Int']['output']>;
  /** The final report, once submitted. */
  finalReport?: Maybe<FinalReport>;
  /** Each of the programme's final-report requirements and where it stands; null for anyone but the applicant's members, officers and admins (not recused). */
  finalReportChecklist?: Maybe<Array<DocumentChecklistItem>>;
  /** When the grant first appeared in an open-data export; null until then. */
  firstPublishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The co-funding ledger: cost, public and private shares, flags. */
  funding: GrantFunding;
  /** Every change, oldest first. */
  history: Array<ActivityRecord>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Aid in kind granted with the approval. */
  inKind: Array<InKindAid>;
  /** Sum of the valuations of the aid in kind. */
  inKindTotal: Scalars['Money']['output'];
  /** The letters generated for it, oldest first; null for anyone but the applicant's members, officers and admins (not recused). */
  letters?: Maybe<Array<GrantLetter>>;
  /** Messages between the applicant and the officers; empty for anyone else. */
  messages: Array<GrantMessage>;
  /** The multi-year convention recorded at approval; null for a one-year grant. */
  multiYearConvention?: Maybe<MultiYearConvention>;
  /** Human-readable number, e.g. `2026-00042`. */
  number: Scalars['String']['output'];
  /** Objectives of the project. */
  objectives: Scalars['String']['output'];
  /** The applying organisation. */
  organisation?: Maybe<Organisation>;
  /** Other funders of the project. */
  otherFunders: Array<OtherFunder>;
  /** Sum paid so far. */
  paidAmount: Scalars['Money']['output'];
  /** The payment schedule. */
  payments: Array<PaymentTranche>;
  /** What the viewer may do with it. */
  permissions: GrantPermissions;
  /** Officers' private notes; null for anyone but officers and admins. */
  privateNotes?: Maybe<Array<GrantNote>>;
  /** The programme applied to. */
  programme?: Maybe<FundingProgramme>;
  /** The recovery order, when the city withdrew the grant; null otherwise. */
  recovery?: Maybe<GrantRecovery>;
  /** Final report deadline (set on approval). */
  reportDueOn?: Maybe<Scalars['Date']['output']>;
  /** True when the final report is late: past `reportDueOn` and not yet accepted by an officer (a submitted report does not lift it, accepting does). */
  reportOverdue: Scalars['Boolean']['output'];
  /** True when the contrat d'engagement républicain is attested. */
  republicanContractAttested: Scalars['Boolean']['output'];
  /** Amount requested from the city. */
  requestedAmount: Scalars['Money']['output'];
  /** Officers' reviews; null for anyone but officers and admins. */
  reviews?: Maybe<Array<GrantReview>>;
  /** Where it stands. */
  status: GrantStatus;
  /** When it was last submitted. */
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Domains the project serves. */
  targetDomains: Array<Domain>;
  /** Neighbourhoods the project targets. */
  targetNeighbourhoods: Array<Neighbourhood>;
  /** Title of the project. */
  title: Scalars['String']['output'];
  /** Sum of the expense lines (the project's cost). */
  totalExpenses: Scalars['Money']['output'];
  /** The programme's year. */
  year: Scalars['Int']['output'];
  /** The yearly amounts of a multi-year request (2 to 4 consecutive years); empty for one year. */
  years: Array<YearAmount>;
};


/** A grant application (dossier). */
export type GrantApplicationHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A grant application (dossier). */
export type GrantApplicationMessagesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A grant application (dossier). */
export type GrantApplicationPrivateNotesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A grant application (dossier). */
export type GrantApplicationReviewsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of applications, newest first. */
export type GrantApplicationConnection = {
  __typename?: 'GrantApplicationConnection';
  /** This page. */
  edges: Array<GrantApplicationEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many applications match the filter (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** An application in a page. */
export type GrantApplicationEdge = {
  __typename?: 'GrantApplicationEdge';
  /** Opaque position of this item: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The application. */
  node: GrantApplication;
};

/** Which applications to list. */
export type GrantApplicationFilter = {
  /** Only those assigned to me. */
  assignedToMe?: InputMaybe<Scalars['Boolean']['input']>;
  /** Targeting any of these domains. */
  domainIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Targeting any of these neighbourhoods. */
  neighbourhoodIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Of this organisation. */
  organisationId?: InputMaybe<Scalars['ID']['input']>;
  /** Of this programme. */
  programmeId?: InputMaybe<Scalars['ID']['input']>;
  /** Words in the number, title or description. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<GrantStatus>>;
  /** Of this programme year. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** The result of an operation on an application. */
export type GrantApplicationPayload = {
  __typename?: 'GrantApplicationPayload';
  /** The application after the operation, or null when refused (then nothing changed). */
  application?: Maybe<GrantApplication>;
  /** Why it was refused: each problem with its code and field (INCOMPLETE_APPLICATION lists every missing item). */
  errors: Array<UserError>;
};

/** The signed convention, mandatory above 23,000 EUR (loi 2000-321 art. 10). */
export type GrantConvention = {
  __typename?: 'GrantConvention';
  /** Reference of the convention. */
  reference: Scalars['String']['output'];
  /** Signature date. */
  signedOn: Scalars['Date']['output'];
};

/** The decision on an application. */
export type GrantDecision = {
  __typename?: 'GrantDecision';
  /** Amount granted; null for a rejection. */
  amount?: Maybe<Scalars['Money']['output']>;
  /** When. */
  decidedAt: Scalars['DateTime']['output'];
  /** The deciding officer. */
  decidedBy?: Maybe<User>;
  /** Envelope the amount is committed in; null for a rejection. */
  envelope?: Maybe<BudgetEnvelope>;
  /** Why. */
  motivation: Scalars['String']['output'];
  /** APPROVED or REJECTED. */
  outcome: GrantStatus;
};

/** The co-funding ledger of an application. */
export type GrantFunding = {
  __typename?: 'GrantFunding';
  /** The city's share: once approved, the cash of every year of the grant (a multi-year convention's provisional years included) plus its aid in kind; else the amount requested. */
  cityAmount: Scalars['Money']['output'];
  /** True when `cityAmount` is the decided amount. */
  cityAmountIsDecided: Scalars['Boolean']['output'];
  /** What to check. */
  flags: Array<FundingFlag>;
  /** Other public funders, asked or granted. */
  otherPublicAmount: Scalars['Money']['output'];
  /** Private funders (foundations, companies...), asked or granted. */
  privateAmount: Scalars['Money']['output'];
  /** City plus other public funders. */
  publicAmount: Scalars['Money']['output'];
  /** Public money as a share of the cost, in basis points (10000 = 100%); null without expenses. May exceed 10000 (see flags), up to 2,147,483,647 (the largest Int) for a cost next to nothing. */
  publicShareBasisPoints?: Maybe<Scalars['Int']['output']>;
  /** The other funders, classified public or private. */
  sources: Array<FundingSource>;
  /** The project's cost: the sum of its expense lines. */
  totalCost: Scalars['Money']['output'];
};

/** A generated letter, stored as a document of the applicant organisation's vault. */
export type GrantLetter = {
  __typename?: 'GrantLetter';
  /** The PDF (its `sha256` is the letter's hash; download it at its `downloadUrl`). */
  document?: Maybe<Document>;
  /** When it was generated. */
  generatedAt: Scalars['DateTime']['output'];
  /** What letter it is. */
  kind: LetterKind;
};

/** A message between the applicant and the officers. */
export type GrantMessage = {
  __typename?: 'GrantMessage';
  /** Who wrote it. */
  author?: Maybe<User>;
  /** The message. */
  body: Scalars['String']['output'];
  /** When it was sent. */
  createdAt: Scalars['DateTime']['output'];
  /** True when written by the applicant, false when by city staff. */
  fromApplicant: Scalars['Boolean']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
};

/** A private note of the officers, never shown to the applicant. */
export type GrantNote = {
  __typename?: 'GrantNote';
  /** Who wrote it. */
  author?: Maybe<User>;
  /** The note. */
  body: Scalars['String']['output'];
  /** When it was written. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
};

/** What the viewer may do with an application, computed by the same checks as the mutations. */
export type GrantPermissions = {
  __typename?: 'GrantPermissions';
  /** acceptFinalReport. */
  canAcceptReport: Scalars['Boolean']['output'];
  /** approveGrantApplication, rejectGrantApplication. */
  canDecide: Scalars['Boolean']['output'];
  /** updateGrantApplication. */
  canEdit: Scalars['Boolean']['output'];
  /** schedulePayments, recordConvention, recordPayment. */
  canPay: Scalars['Boolean']['output'];
  /** reopenGrantApplication. */
  canReopen: Scalars['Boolean']['output'];
  /** startReview, requestChanges, addReview. */
  canReview: Scalars['Boolean']['output'];
  /** submitGrantApplication (completeness is checked on submission). */
  canSubmit: Scalars['Boolean']['output'];
  /** submitFinalReport. */
  canSubmitReport: Scalars['Boolean']['output'];
  /** withdrawGrantApplication. */
  canWithdraw: Scalars['Boolean']['output'];
};

/** The recovery order of a withdrawn grant (titre de recette) and its settlement. */
export type GrantRecovery = {
  __typename?: 'GrantRecovery';
  /** What is to be paid back, in cents: what was paid beyond the share of the period elapsed (may be 0). */
  amount: Scalars['Money']['output'];
  /** What happened, in words. */
  details: Scalars['String']['output'];
  /** What the grant keeps: granted x days elapsed before effectiveOn / days in the period, in cents. */
  earned: Scalars['Money']['output'];
  /** The day the withdrawal took effect. */
  effectiveOn: Scalars['Date']['output'];
  /** What had been paid when the grant was withdrawn, in cents. */
  paidAtWithdrawal: Scalars['Money']['output'];
  /** The grant's period: its last day. */
  periodEnd: Scalars['Date']['output'];
  /** The grant's period the pro rata is taken over: its first day. */
  periodStart: Scalars['Date']['output'];
  /** Why the grant was withdrawn. */
  reason: WithdrawalReason;
  /** The day the money came back; null until recorded. */
  recoveredOn?: Maybe<Scalars['Date']['output']>;
};

/** An officer's review of an application. */
export type GrantReview = {
  __typename?: 'GrantReview';
  /** The reviewing officer. */
  author?: Maybe<User>;
  /** Free comment. */
  comment: Scalars['String']['output'];
  /** When it was written. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The officer's recommendation. */
  recommendation: ReviewRecommendation;
  /** Scores per criterion. */
  scores: Array<ReviewScore>;
};

/** Where a grant application stands in its lifecycle. */
export type GrantStatus =
  /** Granted: the amount is committed in a budget envelope. */
  | 'APPROVED'
  /** The officer asked the applicant for changes; the applicant edits and resubmits. */
  | 'CHANGES_REQUESTED'
  /** Fully paid and its final report accepted. */
  | 'COMPLETED'
  /** Being written by the applicant; only its organisation sees it. */
  | 'DRAFT'
  /** Refused, with a motivation. */
  | 'REJECTED'
  /** Sent to the city, waiting for an officer (en construction). */
  | 'SUBMITTED'
  /** An officer is reviewing it (en instruction). */
  | 'UNDER_REVIEW'
  /** Withdrawn by the applicant (classé sans suite). */
  | 'WITHDRAWN';

/** Head-counts declared by the organisation. */
export type Headcount = {
  __typename?: 'Headcount';
  /** Members (adhérents). */
  members?: Maybe<Scalars['Int']['output']>;
  /** Employees. */
  staff?: Maybe<Scalars['Int']['output']>;
  /** Regular volunteers. */
  volunteers?: Maybe<Scalars['Int']['output']>;
};

/** Head-counts. */
export type HeadcountInput = {
  /** Members (adhérents). */
  members?: InputMaybe<Scalars['Int']['input']>;
  /** Employees. */
  staff?: InputMaybe<Scalars['Int']['input']>;
  /** Regular volunteers. */
  volunteers?: InputMaybe<Scalars['Int']['input']>;
};

/** Aid in kind granted with a grant, valued in cents. */
export type InKindAid = {
  __typename?: 'InKindAid';
  /** What is lent or provided. */
  description: Scalars['String']['output'];
  /** What it consists of. */
  kind: InKindKind;
  /** Its valuation. */
  valuation: Scalars['Money']['output'];
  /** The year it is given. */
  year: Scalars['Int']['output'];
};

/** Aid in kind granted with an approval. */
export type InKindInput = {
  /** What is lent or provided (at most 500 characters). */
  description: Scalars['String']['input'];
  /** What it consists of. */
  kind: InKindKind;
  /** Its valuation, positive, in cents. */
  valuation: Scalars['Money']['input'];
  /** The year it is given, a year of the grant; the first when omitted. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** What aid in kind consists of. */
export type InKindKind =
  /** Equipment lent or given (vehicles, furniture, computers). */
  | 'EQUIPMENT'
  /** Premises lent (rooms, offices, storage). */
  | 'PREMISES'
  /** Services provided by the city (printing, transport, technical staff). */
  | 'SERVICES';

/** The interim report of one year of a multi-year convention (compte-rendu intermédiaire). */
export type InterimReport = {
  __typename?: 'InterimReport';
  /** Amount spent that year. */
  amountSpent: Scalars['Money']['output'];
  /** What was done that year. */
  narrative: Scalars['String']['output'];
  /** When it was submitted. */
  submittedAt: Scalars['DateTime']['output'];
};

/** The interim report of one year. */
export type InterimReportInput = {
  /** Amount spent that year, in cents (0 or more). */
  amountSpent: Scalars['Money']['input'];
  /** The application. */
  applicationId: Scalars['ID']['input'];
  /** What was done that year (at most 10,000 characters). */
  narrative: Scalars['String']['input'];
  /** A voted year of the convention other than the last. */
  year: Scalars['Int']['input'];
};

/** The legal form of a social and solidarity economy structure. */
export type LegalForm =
  /** Association loi 1901. */
  | 'ASSOCIATION'
  /** Another cooperative. */
  | 'COOPERATIVE'
  /** Company approved as Entreprise solidaire d'utilité sociale. */
  | 'ESUS_COMPANY'
  /** Foundation (fondation). */
  | 'FOUNDATION'
  /** Mutual (mutuelle). */
  | 'MUTUAL'
  /** Any other form of the social and solidarity economy. */
  | 'OTHER'
  /** Société coopérative d'intérêt collectif. */
  | 'SCIC'
  /** Société coopérative et participative. */
  | 'SCOP';

/** A letter the city sends about an application, generated as PDF. */
export type LetterKind =
  /** On each submission: the date of receipt, the number, the two-month implicit rejection rule and the appeal routes. */
  | 'ACKNOWLEDGEMENT'
  /** With an approval above 23,000 EUR: the draft convention (parties, purpose, amount, tranches, conditions, final report, mandatory clauses). */
  | 'CONVENTION_DRAFT'
  /** On each decision: the amount or the refusal, its motivation and the appeal routes. */
  | 'DECISION_LETTER'
  /** For each payment. */
  | 'PAYMENT_NOTICE';

/** A letter rendered as text, as it would be generated now. */
export type LetterPreview = {
  __typename?: 'LetterPreview';
  /** The kind of letter. */
  kind: LetterKind;
  /** Its subject line. */
  subject: Scalars['String']['output'];
  /** The whole letter as text: letterhead, recipient, body, legal mentions, signature. What is not known yet shows as [placeholder]. */
  text: Scalars['String']['output'];
};

/** A programme's wording of one kind of letter. */
export type LetterTemplate = {
  __typename?: 'LetterTemplate';
  /** The wording, with {{placeholders}}; paragraphs are separated by a blank line. */
  body: Scalars['String']['output'];
  /** True when the programme uses the default wording. */
  isDefault: Scalars['Boolean']['output'];
  /** The kind of letter. */
  kind: LetterKind;
  /** The placeholders this kind knows, e.g. `application.number`. */
  placeholders: Array<Scalars['String']['output']>;
  /** When an admin last changed it; null for the default. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** The result of updateLetterTemplate. */
export type LetterTemplatePayload = {
  __typename?: 'LetterTemplatePayload';
  /** Why it was refused (an unknown placeholder names itself and its line). */
  errors: Array<UserError>;
  /** The saved template, or null when refused. */
  template?: Maybe<LetterTemplate>;
};

/** The result of signing in. */
export type LoginPayload = {
  __typename?: 'LoginPayload';
  /** Why sign-in was refused (wrong email or password, missing field). */
  errors: Array<UserError>;
  /** When the token expires. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** A signed access token: send it as `Authorization: Bearer <token>`. */
  token?: Maybe<Scalars['String']['output']>;
  /** The signed-in account. */
  user?: Maybe<User>;
};

/** Which notifications to mark read: some by id, or all of them. */
export type MarkNotificationsReadInput = {
  /** True to mark every notification of yours read. */
  all?: InputMaybe<Scalars['Boolean']['input']>;
  /** Notifications to mark read (yours; others are ignored). */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** The result of markNotificationsRead. */
export type MarkNotificationsReadPayload = {
  __typename?: 'MarkNotificationsReadPayload';
  /** Why nothing was marked (neither ids nor all given). */
  errors: Array<UserError>;
  /** How many notifications were unread and are now read. */
  markedCount?: Maybe<Scalars['Int']['output']>;
  /** How many of your notifications are still unread. */
  unreadCount?: Maybe<Scalars['Int']['output']>;
};

/** A person's place in an organisation. */
export type Membership = {
  __typename?: 'Membership';
  /** The organisation. */
  organisation?: Maybe<Organisation>;
  /** What the person may do there. */
  role: MembershipRole;
  /** In force, or an invitation waiting for the person's answer. */
  status: MembershipStatus;
  /** Title in the organisation (Présidente, Trésorier...). */
  title?: Maybe<Scalars['String']['output']>;
  /** The person. */
  user: User;
};

/** The result of adding, accepting or declining a membership. */
export type MembershipPayload = {
  __typename?: 'MembershipPayload';
  /** Why it was refused. */
  errors: Array<UserError>;
  /** True when a manager's request was recorded as an invitation. The answer is the same whether or not an account uses the email, so emails cannot be probed; the person sees it in `me { invitations }`. */
  invited: Scalars['Boolean']['output'];
  /** The membership in force (added by an officer or admin, or just accepted); null for an invitation, a decline or a refusal. */
  membership?: Maybe<Membership>;
};

/** A person's role inside one organisation. */
export type MembershipRole =
  /** Edits the profile and applies for grants. */
  | 'EDITOR'
  /** Edits the profile, applies for grants and manages the organisation's members. */
  | 'MANAGER';

/** Whether a membership is in force. */
export type MembershipStatus =
  /** In force: the person acts for the organisation. */
  | 'ACTIVE'
  /** Recorded by a manager, waiting for the person to accept it (acceptMembership); grants nothing yet. */
  | 'INVITED';

/** A multi-year convention of objectives (CPO): its years, amendments and totals. */
export type MultiYearConvention = {
  __typename?: 'MultiYearConvention';
  /** Every amendment, oldest first. */
  amendments: Array<ConventionAmendment>;
  /** Cash committed so far (the years voted). */
  committed: Scalars['Money']['output'];
  /** The final report's deadline: six months after the end of the last year. */
  finalReportDueOn: Scalars['Date']['output'];
  /** Cash over every year, provisional years included. */
  total: Scalars['Money']['output'];
  /** Current version: 1 at approval, one more per amendment. */
  version: Scalars['Int']['output'];
  /** The years, first to last. */
  years: Array<ConventionYear>;
};

/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Accepts the final report; the grant becomes COMPLETED once everything granted is paid (officers). */
  acceptFinalReport: GrantApplicationPayload;
  /** Accepts an invitation to join an organisation (the invited person). */
  acceptMembership: MembershipPayload;
  /** Adds a person to an organisation. Officers and admins add an existing member account at once; an organisation's manager invites, and the person becomes a member when they accept. */
  addOrganisationMember: MembershipPayload;
  /** Adds a private note, never shown to the applicant (officers). */
  addPrivateNote: GrantApplicationPayload;
  /** Adds a review with scores and a recommendation (officers). */
  addReview: GrantApplicationPayload;
  /** Amends a multi-year convention (avenant): provisional years' amounts, years added or removed at the end; versioned with its reason (officers and admins). */
  amendConvention: GrantApplicationPayload;
  /** Approves and commits the amount in the envelope, which never goes over its total (officers). */
  approveGrantApplication: GrantApplicationPayload;
  /** Archives a domain (admins): it leaves the lists and filters, and stays on the organisations, applications and programmes that carry it. Refused while it has sub-domains in use. */
  archiveDomain: DomainPayload;
  /** Archives a neighbourhood (admins): it leaves the lists, filters and the city's bounds, and stays on past records. */
  archiveNeighbourhood: NeighbourhoodPayload;
  /** Attaches a document of the applicant organisation's vault to an editable application (its members). */
  attachDocument: GrantApplicationPayload;
  /** Attaches a decided grant to the council decision that decided it (officers and admins). */
  attachToCouncilDecision: GrantApplicationPayload;
  /** Changes the signed-in person's password; the other sessions are signed out and this one gets a fresh token. */
  changePassword: ChangePasswordPayload;
  /** Asks to manage an organisation that has no manager (member accounts); PENDING until an officer decides. */
  claimOrganisation: OrganisationClaimPayload;
  /** Creates a budget envelope (admins). */
  createBudgetEnvelope: BudgetEnvelopePayload;
  /** Records a council decision (officers and admins). */
  createCouncilDecision: CouncilDecisionPayload;
  /** Creates a domain (admins). */
  createDomain: DomainPayload;
  /** Creates a funding programme (admins). */
  createFundingProgramme: FundingProgrammePayload;
  /** Creates a DRAFT application (members of the organisation). */
  createGrantApplication: GrantApplicationPayload;
  /** Creates a neighbourhood with its shape (admins); a shape the spatial index would refuse is refused here, naming the ring at fault. */
  createNeighbourhood: NeighbourhoodPayload;
  /** Creates an organisation; a member who creates one becomes its manager. */
  createOrganisation: OrganisationPayload;
  /** Links two organisations (members of either, coordinators, officers, admins). */
  createPartnership: PartnershipPayload;
  /** Creates an account (admins only) and emails its owner an invitation to choose a password (valid 7 days). */
  createUser: UserPayload;
  /** Subscribes a system of the city to events; the payload shows its signing secret once (admins). */
  createWebhook: CreateWebhookPayload;
  /** Approves (the claimant becomes MANAGER) or rejects a pending claim (officers and admins); the claimant is told. */
  decideOrganisationClaim: OrganisationClaimPayload;
  /** Declares my link to an organisation: I am then recused from its applications (officers). */
  declareConflictOfInterest: ConflictOfInterestPayload;
  /** Declares an organisation's other public funding, budget or other de minimis aid for a year (its members, officers and admins), or whether the city's aid is under de minimis (officers and admins). */
  declareFundingYear: DeclareFundingYearPayload;
  /** Declines an invitation to join an organisation (the invited person). */
  declineMembership: MembershipPayload;
  /** Deletes a document (its members, officers and admins): refused with DOCUMENT_IN_USE while a submitted application uses it. The record is kept for the history; the bytes are removed. */
  deleteDocument: DeleteDocumentPayload;
  /** Deletes a webhook; its pending deliveries are dead-lettered (admins). */
  deleteWebhook: DeleteWebhookPayload;
  /** Detaches a document from an editable application (its members); the document stays in the vault. */
  detachDocument: GrantApplicationPayload;
  /** Ends an active partnership; it stays in the history with its end date. */
  endPartnership: PartnershipPayload;
  /** Signs in with email and password; returns a token valid for a few hours. */
  login: LoginPayload;
  /** Marks some or all of your notifications read. */
  markNotificationsRead: MarkNotificationsReadPayload;
  /** Does nothing; lets a client check that it may send mutations (CSRF headers, token). */
  ping: Scalars['Boolean']['output'];
  /** Repairs interrupted decisions and payments and recomputes envelope counters (admins). Also runs at boot. */
  reconcileEnvelopes: ReconciliationPayload;
  /** Records the signed convention (officers). */
  recordConvention: GrantApplicationPayload;
  /** Records a payment; never more than granted; the envelope's `paid` follows (officers). */
  recordPayment: GrantApplicationPayload;
  /** Records that the money of a recovery order came back (officers and admins). */
  recordRecovery: GrantApplicationPayload;
  /** Sends a finished delivery again, with the same messageId (admins). */
  redeliverWebhookDelivery: RedeliverWebhookDeliveryPayload;
  /** Opens a member account awaiting verification and emails its activation link (PUBLIC_URL/verify-email?token=...). Same answer whether or not the email already has an account (its owner is told someone tried). Limited per email and per address. */
  register: AccountRequestPayload;
  /** Rejects, with a motivation (officers). */
  rejectGrantApplication: GrantApplicationPayload;
  /** Back to review; an approval reopened releases its commitment (officers, before any payment). */
  reopenGrantApplication: GrantApplicationPayload;
  /** Asks the applicant for changes (officers). */
  requestChanges: GrantApplicationPayload;
  /** Emails a link to choose a new password (PUBLIC_URL/reset-password?token=..., valid one hour). Same answer for any email. Limited per email and per address. */
  requestPasswordReset: AccountRequestPayload;
  /** Sends a new activation link to an account awaiting verification. Same answer for any email. Limited per email and per address. */
  resendVerificationEmail: AccountRequestPayload;
  /** Sets a new password with an emailed reset or invitation link's token; the token works once, and every session opened before is signed out. */
  resetPassword: ResetPasswordPayload;
  /** Replaces a webhook's signing secret and shows the new one once (admins). */
  rotateWebhookSecret: RotateWebhookSecretPayload;
  /** Replaces the unpaid tranches of an approved grant's schedule (officers). */
  schedulePayments: GrantApplicationPayload;
  /** Sends a message between the applicant and the officers. */
  sendGrantMessage: GrantApplicationPayload;
  /** Replaces a programme's document requirements (admins). Applications already submitted are not checked again. */
  setDocumentRequirements: FundingProgrammePayload;
  /** Takes a SUBMITTED application into review and assigns it to me (officers). */
  startReview: GrantApplicationPayload;
  /** Submits the final report of an approved grant (members of the organisation). */
  submitFinalReport: GrantApplicationPayload;
  /** Submits an application after checking it is complete; lists everything missing at once. */
  submitGrantApplication: GrantApplicationPayload;
  /** Submits the interim report of one year of a multi-year convention; the next year's payments wait for it (members of the organisation). */
  submitInterimReport: GrantApplicationPayload;
  /** Edits a budget envelope (admins); the total never goes below what is committed. */
  updateBudgetEnvelope: BudgetEnvelopePayload;
  /** Edits a domain (admins): name, description, parent (a top-level domain, never making a cycle), proposal. */
  updateDomain: DomainPayload;
  /** Edits a funding programme (admins). */
  updateFundingProgramme: FundingProgrammePayload;
  /** Edits an application while DRAFT or CHANGES_REQUESTED (members of the organisation). */
  updateGrantApplication: GrantApplicationPayload;
  /** Sets a programme's wording of one kind of letter (admins). Unknown placeholders are refused, naming the placeholder and its line. */
  updateLetterTemplate: LetterTemplatePayload;
  /** Edits a neighbourhood (admins): name, priority, population, shape. */
  updateNeighbourhood: NeighbourhoodPayload;
  /** Chooses, per kind of event, how you are emailed: immediately, in a daily digest, or not. Security emails stay immediate. */
  updateNotificationPreferences: UpdateNotificationPreferencesPayload;
  /** Edits an organisation: its members while it operates; officers and admins not recused from it, who also dissolve it and reactivate it (status). Every edit lands in its history. */
  updateOrganisation: OrganisationPayload;
  /** Changes an account's role or disables it (admins only). Nobody can demote or disable the last active admin. */
  updateUser: UserPayload;
  /** Activates the account of the emailed link's token. A token works once and expires after 24 hours. */
  verifyEmail: VerifyEmailPayload;
  /** Marks an organisation created by a member as checked by an officer (officers and admins); verifying twice changes nothing. */
  verifyOrganisation: OrganisationPayload;
  /** Records the council's vote of a later year of a multi-year convention and commits its amount on its year's envelope (officers and admins). */
  voteConventionYear: GrantApplicationPayload;
  /** Withdraws a grant for a breach of the republican contract or unmet conditions, and orders the recovery of what was overpaid, pro rata of the period remaining (officers and admins). */
  withdrawGrant: GrantApplicationPayload;
  /** Withdraws a submitted application (members of the organisation). */
  withdrawGrantApplication: GrantApplicationPayload;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationAcceptFinalReportArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationAcceptMembershipArgs = {
  organisationId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationAddOrganisationMemberArgs = {
  input: AddOrganisationMemberInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationAddPrivateNoteArgs = {
  body: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationAddReviewArgs = {
  id: Scalars['ID']['input'];
  input: ReviewInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationAmendConventionArgs = {
  input: AmendConventionInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationApproveGrantApplicationArgs = {
  id: Scalars['ID']['input'];
  input: ApproveInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationArchiveDomainArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationArchiveNeighbourhoodArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationAttachDocumentArgs = {
  input: AttachDocumentInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationAttachToCouncilDecisionArgs = {
  input: AttachToCouncilDecisionInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationClaimOrganisationArgs = {
  input: ClaimOrganisationInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationCreateBudgetEnvelopeArgs = {
  input: CreateBudgetEnvelopeInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationCreateCouncilDecisionArgs = {
  input: CreateCouncilDecisionInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationCreateDomainArgs = {
  input: CreateDomainInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationCreateFundingProgrammeArgs = {
  input: CreateFundingProgrammeInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationCreateGrantApplicationArgs = {
  input: CreateGrantApplicationInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationCreateNeighbourhoodArgs = {
  input: CreateNeighbourhoodInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationCreateOrganisationArgs = {
  input: CreateOrganisationInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationCreatePartnershipArgs = {
  input: CreatePartnershipInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationCreateWebhookArgs = {
  input: CreateWebhookInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationDecideOrganisationClaimArgs = {
  id: Scalars['ID']['input'];
  input: DecideOrganisationClaimInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationDeclareConflictOfInterestArgs = {
  organisationId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationDeclareFundingYearArgs = {
  input: DeclareFundingYearInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationDeclineMembershipArgs = {
  organisationId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationDeleteDocumentArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationDetachDocumentArgs = {
  input: DetachDocumentInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationEndPartnershipArgs = {
  id: Scalars['ID']['input'];
  until?: InputMaybe<Scalars['Date']['input']>;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationMarkNotificationsReadArgs = {
  input: MarkNotificationsReadInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationRecordConventionArgs = {
  id: Scalars['ID']['input'];
  input: ConventionInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationRecordPaymentArgs = {
  id: Scalars['ID']['input'];
  input: RecordPaymentInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationRecordRecoveryArgs = {
  applicationId: Scalars['ID']['input'];
  recoveredOn: Scalars['Date']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationRedeliverWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationRegisterArgs = {
  input: RegisterInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationRejectGrantApplicationArgs = {
  id: Scalars['ID']['input'];
  input: RejectInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationReopenGrantApplicationArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationRequestChangesArgs = {
  id: Scalars['ID']['input'];
  message: Scalars['String']['input'];
  replaceDocumentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationResendVerificationEmailArgs = {
  email: Scalars['String']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationResetPasswordArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationSchedulePaymentsArgs = {
  id: Scalars['ID']['input'];
  tranches: Array<TrancheInput>;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationSendGrantMessageArgs = {
  body: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationSetDocumentRequirementsArgs = {
  programmeId: Scalars['ID']['input'];
  requirements: Array<DocumentRequirementInput>;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationStartReviewArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationSubmitFinalReportArgs = {
  id: Scalars['ID']['input'];
  input: FinalReportInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationSubmitGrantApplicationArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationSubmitInterimReportArgs = {
  input: InterimReportInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationUpdateBudgetEnvelopeArgs = {
  id: Scalars['ID']['input'];
  input: UpdateBudgetEnvelopeInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationUpdateDomainArgs = {
  id: Scalars['ID']['input'];
  input: UpdateDomainInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationUpdateFundingProgrammeArgs = {
  id: Scalars['ID']['input'];
  input: UpdateFundingProgrammeInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationUpdateGrantApplicationArgs = {
  id: Scalars['ID']['input'];
  input: UpdateGrantApplicationInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationUpdateLetterTemplateArgs = {
  kind: LetterKind;
  programmeId: Scalars['ID']['input'];
  template: Scalars['String']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationUpdateNeighbourhoodArgs = {
  id: Scalars['ID']['input'];
  input: UpdateNeighbourhoodInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationUpdateNotificationPreferencesArgs = {
  input: UpdateNotificationPreferencesInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationUpdateOrganisationArgs = {
  id: Scalars['ID']['input'];
  input: UpdateOrganisationInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationVerifyOrganisationArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationVoteConventionYearArgs = {
  input: VoteConventionYearInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationWithdrawGrantArgs = {
  input: WithdrawGrantInput;
};


/** The entry points for changing data. Each returns a payload with `errors` for expected refusals. */
export type MutationWithdrawGrantApplicationArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** A circle on the map. */
export type NearInput = {
  /** Latitude of the centre, degrees north. */
  lat: Scalars['Float']['input'];
  /** Longitude of the centre, degrees east. */
  lng: Scalars['Float']['input'];
  /** Radius in metres (1 to 50,000). */
  radiusMeters: Scalars['Int']['input'];
};

/** A neighbourhood of the city: a priority neighbourhood (QPV), an IRIS, a district, with its shape. */
export type Neighbourhood = {
  __typename?: 'Neighbourhood';
  /** When an admin archived it: it left the lists, filters and the city's bounds, and stays on past records. Null while in use. */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The official code (a QPV code such as `QN04501M`, an IRIS code) or a slug (e.g. `centre-ville`). */
  code: Scalars['String']['output'];
  /** Shape, as a GeoJSON Polygon or MultiPolygon, as imported or drawn. */
  geometry: Scalars['GeoJSON']['output'];
  /** Its changes (created, edited, imported, archived), newest first. Officers and admins only: null for others. */
  history?: Maybe<ActivityRecordConnection>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** True for a priority neighbourhood of the city policy (QPV). */
  isPriority: Scalars['Boolean']['output'];
  /** Name. */
  name: Scalars['String']['output'];
  /** Approximate population, when known. */
  population?: Maybe<Scalars['Int']['output']>;
};


/** A neighbourhood of the city: a priority neighbourhood (QPV), an IRIS, a district, with its shape. */
export type NeighbourhoodHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The result of a change to a neighbourhood. */
export type NeighbourhoodPayload = {
  __typename?: 'NeighbourhoodPayload';
  /** Why it was refused: each problem names its input field (for a shape, the ring at fault: `input.geometry.polygon[0]`). */
  errors: Array<UserError>;
  /** The neighbourhood as stored, or null when refused. */
  neighbourhood?: Maybe<Neighbourhood>;
};

/** The associative network: active organisations and the active partnerships between them. */
export type Network = {
  __typename?: 'Network';
  /** Partnerships whose both ends are nodes; at most 5,000 (see `truncated`). */
  edges: Array<NetworkEdge>;
  /** The degree from which a node is a hub in this graph. */
  hubThreshold: Scalars['Int']['output'];
  /** Organisations, by name; at most 2,000 (see `truncated`). */
  nodes: Array<NetworkNode>;
  /** True when more than 2,000 organisations or 5,000 partnerships matched and the graph was cut: narrow the filter. */
  truncated: Scalars['Boolean']['output'];
};

/** An active partnership between two nodes of the graph. */
export type NetworkEdge = {
  __typename?: 'NetworkEdge';
  /** Id of the `from` organisation. */
  from: Scalars['ID']['output'];
  /** The partnership's id. */
  id: Scalars['ID']['output'];
  /** How they are linked. */
  kind: PartnershipKind;
  /** Id of the `to` organisation. */
  to: Scalars['ID']['output'];
};

/** Which part of the network to draw; filters combine (AND). */
export type NetworkFilter = {
  /** Organisations working in any of these domains (a parent domain includes its children); at most 50. */
  domainIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Organisations serving any of these neighbourhoods; at most 50. */
  neighbourhoodIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** An organisation in the network graph. */
export type NetworkNode = {
  __typename?: 'NetworkNode';
  /** Number of active partnerships it has with other organisations of this graph. */
  degree: Scalars['Int']['output'];
  /** A hub: degree at least `Network.hubThreshold` (the top decile of this graph, and at least 3). */
  isHub: Scalars['Boolean']['output'];
  /** No partnership with any organisation of this graph. */
  isIsolated: Scalars['Boolean']['output'];
  /** The organisation. */
  organisation: Organisation;
};

/** Something that happened and concerns you. */
export type Notification = {
  __typename?: 'Notification';
  /** A sentence or two, in French. */
  body: Scalars['String']['output'];
  /** When it happened. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** What it is about. */
  kind: NotificationKind;
  /** Where to see the object it is about, under the application's public address. */
  link?: Maybe<Scalars['String']['output']>;
  /** When you marked it read; null while unread. */
  readAt?: Maybe<Scalars['DateTime']['output']>;
  /** One line, in French. */
  title: Scalars['String']['output'];
};

/** A page of your notifications, newest first. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** This page. */
  edges: Array<NotificationEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many notifications match (unread only, when asked). */
  totalCount: Scalars['Int']['output'];
};

/** How a person wants to be emailed about one kind of event. Notifications in the API are kept either way. */
export type NotificationDelivery =
  /** Grouped with the day's others into one email each morning. */
  | 'DAILY_DIGEST'
  /** One email as soon as it happens. */
  | 'IMMEDIATE'
  /** No email; the notification stays in the API. */
  | 'NONE';

/** An edge of a notification list. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Pass as `after` to continue after this item. */
  cursor: Scalars['String']['output'];
  /** The notification. */
  node: Notification;
};

/** What a notification is about: one value per kind of event a person can hear of. */
export type NotificationKind =
  /** An account was created for you (security: always emailed). */
  | 'ACCOUNT_INVITATION'
  /** Your password was changed (security: always emailed). */
  | 'ACCOUNT_PASSWORD_CHANGED'
  /** A password reset link (security: always emailed). */
  | 'ACCOUNT_PASSWORD_RESET'
  /** Someone tried to register with your address (security: always emailed). */
  | 'ACCOUNT_REGISTER_ATTEMPT'
  /** Confirm your email address (security: always emailed). */
  | 'ACCOUNT_VERIFY_EMAIL'
  /** A call for projects on which you have a draft closes in 7 or 2 days. */
  | 'CALL_FOR_PROJECTS_CLOSING'
  /** A final report is due in 30 or 7 days. */
  | 'FINAL_REPORT_DUE'
  /** A final report is overdue. */
  | 'FINAL_REPORT_OVERDUE'
  /** A final report was submitted. */
  | 'FINAL_REPORT_SUBMITTED'
  /** An officer asked for changes to an application. */
  | 'GRANT_APPLICATION_CHANGES_REQUESTED'
  /** An application was approved or rejected, with the motivation. */
  | 'GRANT_APPLICATION_DECIDED'
  /** A message was written on an application. */
  | 'GRANT_APPLICATION_MESSAGE_RECEIVED'
  /** An application was submitted (to officers). */
  | 'GRANT_APPLICATION_RECEIVED'
  /** An application was submitted (the acknowledgement of receipt to the applicant's managers). */
  | 'GRANT_APPLICATION_SUBMITTED'
  /** Your daily digest (always emailed when there is something in it). */
  | 'NOTIFICATIONS_DIGEST'
  /** Your claim to manage an organisation was decided. */
  | 'ORGANISATION_CLAIM_DECIDED'
  /** You were invited to join an organisation. */
  | 'ORGANISATION_INVITATION'
  /** A payment was recorded on a grant. */
  | 'PAYMENT_RECORDED'
  /** A webhook was disabled after failing for 24 hours (to admins; always emailed). */
  | 'WEBHOOK_DISABLED';

/** How you are emailed about one kind of event. */
export type NotificationPreference = {
  __typename?: 'NotificationPreference';
  /** Immediately, in the daily digest, or not at all. */
  delivery: NotificationDelivery;
  /** The kind of event. */
  kind: NotificationKind;
  /** True for security emails, which cannot be turned off. */
  locked: Scalars['Boolean']['output'];
};

/** One kind of event and how to be emailed about it. */
export type NotificationPreferenceInput = {
  /** Immediately, in the daily digest, or not at all. */
  delivery: NotificationDelivery;
  /** The kind of event. */
  kind: NotificationKind;
};

/** A decided grant not published yet, and when the law wants it published (décret 2017-779: within three months of the convention's signature). */
export type OpenDataDue = {
  __typename?: 'OpenDataDue';
  /** What the publication will say it is worth: cash over every year plus aid in kind. */
  amount: Scalars['Money']['output'];
  /** The grant application. */
  application: GrantApplication;
  /** Three months after `signedOn`. */
  dueOn: Scalars['Date']['output'];
  /** True above 23,000 EUR, where the décret makes the publication mandatory (the city publishes every grant). */
  legallyRequired: Scalars['Boolean']['output'];
  /** True when `dueOn` is past. */
  overdue: Scalars['Boolean']['output'];
  /** Day the convention was signed, or the decision's day when no convention was recorded. */
  signedOn: Scalars['Date']['output'];
};

/** A decided grant that the open-data publication had to leave out, and why. */
export type OpenDataExclusion = {
  __typename?: 'OpenDataExclusion';
  /** The grant application. */
  application: GrantApplication;
  /** Its organisation. */
  organisation: Organisation;
  /** Why it is not published, and how to fix it. */
  reason: Scalars['String']['output'];
};

/** An association, cooperative, mutual, foundation or other structure of the social and solidarity economy. */
export type Organisation = {
  __typename?: 'Organisation';
  /** Acronym or short name. */
  acronym?: Maybe<Scalars['String']['output']>;
  /** Postal address. */
  address?: Maybe<Address>;
  /** When the record was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Purpose (objet) and activities. */
  description: Scalars['String']['output'];
  /** Its documents (the vault), newest first, deleted ones left out; superseded versions are kept. Null for anyone but its members, officers and admins (not recused). */
  documents?: Maybe<DocumentConnection>;
  /** Domains of action. */
  domains: Array<Domain>;
  /** Its public funding in a year and the thresholds it crosses (its members, officers and admins not recused; null for others). */
  fundingSummary?: Maybe<FundingSummary>;
  /** The organisation's grant applications the viewer may see, newest first. */
  grantApplications: Array<GrantApplication>;
  /** Head-counts. */
  headcount?: Maybe<Headcount>;
  /** Its edit trail, newest first: who changed which fields, when, before and after (bank details masked), status changes and members added by staff. Null unless the viewer is a member of it, or an officer or admin not recused from it. */
  history?: Maybe<ActivityRecordConnection>;
  /** Bank account (IBAN): null unless the viewer is a member of the organisation, an officer or an admin. */
  iban?: Maybe<Scalars['String']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Listed in the public directory. */
  isPublic: Scalars['Boolean']['output'];
  /** False while an officer has not checked an organisation a member created (verifyOrganisation): no grant can be approved for it. Records imported from the registry or created by staff are verified. */
  isVerified: Scalars['Boolean']['output'];
  /** Labels and approvals (ESUS, Jeunesse et éducation populaire...). */
  labels: Array<Scalars['String']['output']>;
  /** Legal form. */
  legalForm: LegalForm;
  /** Location on the map. */
  location?: Maybe<GeoPoint>;
  /** The people who belong to it: null unless the viewer is a member of it, a coordinator, an officer or an admin. */
  members?: Maybe<Array<Membership>>;
  /** Name. */
  name: Scalars['String']['output'];
  /** Neighbourhoods served. */
  neighbourhoods: Array<Neighbourhood>;
  /** Its active partnerships whose other end the viewer may see (the public: public organisations only), newest first. */
  partnerships: Array<Partnership>;
  /** What the viewer may do with it. */
  permissions: OrganisationPermissions;
  /** Private contact: null unless the viewer is a member of the organisation, an officer or an admin. */
  privateContact?: Maybe<PrivateContact>;
  /** Public contact email. */
  publicEmail?: Maybe<Scalars['String']['output']>;
  /** Public contact phone. */
  publicPhone?: Maybe<Scalars['String']['output']>;
  /** Set when the registry brought an association whose RNA number or SIRET this unverified record had taken (the association was imported beside it). Officers and admins only; null for others. */
  registryClash?: Maybe<RegistryClash>;
  /** RNA number (W followed by 9 digits), for associations. */
  rna?: Maybe<Scalars['String']['output']>;
  /** True when one of the neighbourhoods served is a priority one (QPV). */
  servesPriorityNeighbourhood: Scalars['Boolean']['output'];
  /** SIRET (14 digits). */
  siret?: Maybe<Scalars['String']['output']>;
  /** Operating or dissolved. */
  status: OrganisationStatus;
  /** When the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Website. */
  website?: Maybe<Scalars['String']['output']>;
};


/** An association, cooperative, mutual, foundation or other structure of the social and solidarity economy. */
export type OrganisationDocumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<DocumentKind>;
};


/** An association, cooperative, mutual, foundation or other structure of the social and solidarity economy. */
export type OrganisationFundingSummaryArgs = {
  year: Scalars['Int']['input'];
};


/** An association, cooperative, mutual, foundation or other structure of the social and solidarity economy. */
export type OrganisationGrantApplicationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An association, cooperative, mutual, foundation or other structure of the social and solidarity economy. */
export type OrganisationHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An association, cooperative, mutual, foundation or other structure of the social and solidarity economy. */
export type OrganisationMembersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An association, cooperative, mutual, foundation or other structure of the social and solidarity economy. */
export type OrganisationPartnershipsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A person's request to manage an organisation that has no manager. */
export type OrganisationClaim = {
  __typename?: 'OrganisationClaim';
  /** Who claims it (visible to the claimant and staff). */
  claimant?: Maybe<User>;
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** When an officer decided. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** What the claimant wrote to prove their link with the organisation. */
  message: Scalars['String']['output'];
  /** The organisation claimed. */
  organisation?: Maybe<Organisation>;
  /** Why it was rejected (or approved), as the officer wrote it. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Where it stands. */
  status: OrganisationClaimStatus;
};

/** A page of claims, oldest first. */
export type OrganisationClaimConnection = {
  __typename?: 'OrganisationClaimConnection';
  /** This page. */
  edges: Array<OrganisationClaimEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many claims match (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** A claim in a list. */
export type OrganisationClaimEdge = {
  __typename?: 'OrganisationClaimEdge';
  /** Opaque position of this item: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The claim. */
  node: OrganisationClaim;
};

/** The result of claimOrganisation or decideOrganisationClaim. */
export type OrganisationClaimPayload = {
  __typename?: 'OrganisationClaimPayload';
  /** The claim. */
  claim?: Maybe<OrganisationClaim>;
  /** Why the request was refused, on its field. */
  errors: Array<UserError>;
};

/** Where a claim stands. */
export type OrganisationClaimStatus =
  /** Approved: the claimant manages the organisation. */
  | 'APPROVED'
  /** Waiting for an officer. */
  | 'PENDING'
  /** Rejected, with a reason. */
  | 'REJECTED';

/** A page of organisations. */
export type OrganisationConnection = {
  __typename?: 'OrganisationConnection';
  /** This page. */
  edges: Array<OrganisationEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many organisations match the filter (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One organisation in a list, with its cursor. */
export type OrganisationEdge = {
  __typename?: 'OrganisationEdge';
  /** Opaque position of this item: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The organisation. */
  node: Organisation;
};

/** Filters of the directory; all combine (AND). */
export type OrganisationFilter = {
  /** Working in any of these domains (a parent domain includes its children). */
  domainIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Also list dissolved organisations (default: active only). */
  includeDissolved?: InputMaybe<Scalars['Boolean']['input']>;
  /** Of any of these legal forms. */
  legalForms?: InputMaybe<Array<LegalForm>>;
  /** Located within this circle. */
  near?: InputMaybe<NearInput>;
  /** Serving any of these neighbourhoods. */
  neighbourhoodIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Serving at least one priority neighbourhood (QPV). */
  priorityNeighbourhoodsOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Free text over name, acronym and purpose (French, accents and case ignored). Results are then ordered by relevance. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** The result of creating or editing an organisation. */
export type OrganisationPayload = {
  __typename?: 'OrganisationPayload';
  /** Why it was refused: each problem names its input field. */
  errors: Array<UserError>;
  /** The organisation as stored, or null when refused. */
  organisation?: Maybe<Organisation>;
};

/** What the viewer may do with an organisation, computed by the same checks as the mutations. */
export type OrganisationPermissions = {
  __typename?: 'OrganisationPermissions';
  /** May edit the profile (updateOrganisation): false for its members once it is dissolved, and for an officer recused from it. */
  canEdit: Scalars['Boolean']['output'];
  /** May add members (addOrganisationMember): false for its managers once it is dissolved, and for an officer recused from it. */
  canManageMembers: Scalars['Boolean']['output'];
  /** May see private fields (iban, privateContact, members, history): false for an officer recused from it. */
  canSeePrivate: Scalars['Boolean']['output'];
};

/** Whether an organisation is still operating. */
export type OrganisationStatus =
  /** Operating. */
  | 'ACTIVE'
  /** Dissolved (kept for history): read-only for its members; officers and admins may still edit it and reactivate it (updateOrganisation with status ACTIVE). */
  | 'DISSOLVED';

/** Another funder of the project (co-funding). */
export type OtherFunder = {
  __typename?: 'OtherFunder';
  /** Amount asked or granted. */
  amount: Scalars['Money']['output'];
  /** Whether the applicant declared it a public body; null when not declared. */
  isPublic?: Maybe<Scalars['Boolean']['output']>;
  /** Funder's name. */
  name: Scalars['String']['output'];
  /** Asked or granted. */
  status: FunderStatus;
};

/** Another funder. */
export type OtherFunderInput = {
  /** Amount, positive, at most 100,000,000,000 cents (1 billion EUR); all other funders together at most that too. */
  amount: Scalars['Money']['input'];
  /** True for a public body (State, region, département, CAF, EU funds...). When omitted, the co-funding ledger recognises public bodies by their name. */
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  /** Funder's name. */
  name: Scalars['String']['input'];
  /** Asked or granted. */
  status: FunderStatus;
};

/** How an outbox message travels. */
export type OutboxChannel =
  /** An email. */
  | 'EMAIL'
  /** A webhook delivery. */
  | 'WEBHOOK';

/** A message in the outbox: an email or a webhook delivery, kept until purged (OUTBOX_RETENTION_DAYS after it ends). */
export type OutboxMessage = {
  __typename?: 'OutboxMessage';
  /** Attempts made so far. */
  attempts: Scalars['Int']['output'];
  /** Email or webhook. */
  channel: OutboxChannel;
  /** When the event happened. */
  createdAt: Scalars['DateTime']['output'];
  /** When it was delivered. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The event type, e.g. `grant_application.submitted`. */
  eventType: Scalars['String']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The last failure, when there was one. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** When the next attempt is due, while pending. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The email address, or the webhook's URL. */
  recipient?: Maybe<Scalars['String']['output']>;
  /** Where it stands. */
  status: OutboxStatus;
  /** The receiver's HTTP status at the last attempt (webhooks). */
  statusCode?: Maybe<Scalars['Int']['output']>;
  /** The email's subject (the link's token, if any, is never shown); null for a webhook. */
  subject?: Maybe<Scalars['String']['output']>;
};

/** A page of the outbox, newest first. */
export type OutboxMessageConnection = {
  __typename?: 'OutboxMessageConnection';
  /** This page. */
  edges: Array<OutboxMessageEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many messages match. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of an outbox list. */
export type OutboxMessageEdge = {
  __typename?: 'OutboxMessageEdge';
  /** Pass as `after` to continue after this item. */
  cursor: Scalars['String']['output'];
  /** The message. */
  node: OutboxMessage;
};

/** Where an outbox message stands. */
export type OutboxStatus =
  /** Delivered (the SMTP server or the receiver accepted it). */
  | 'DELIVERED'
  /** Dead-lettered: every attempt failed (see lastError), or its webhook is gone or disabled. */
  | 'FAILED'
  /** Not sent because no SMTP server is configured (SMTP_URL): logged and kept here. */
  | 'HELD'
  /** Waiting for its first or next attempt. */
  | 'PENDING';

/** Where a page of a connection stands. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page: pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when this page was requested with `after`. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of this page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A typed link between two organisations: an edge of the associative network. */
export type Partnership = {
  __typename?: 'Partnership';
  /** What they do together. */
  description: Scalars['String']['output'];
  /** One end; for FEDERATION_MEMBER, the member. Null when the viewer may not see that organisation. */
  from?: Maybe<Organisation>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** True until ended. */
  isActive: Scalars['Boolean']['output'];
  /** How they are linked. */
  kind: PartnershipKind;
  /** What the viewer may do with it. */
  permissions: PartnershipPermissions;
  /** Since when, if known. */
  since?: Maybe<Scalars['Date']['output']>;
  /** The other end; for FEDERATION_MEMBER, the federation. Null when the viewer may not see that organisation. */
  to?: Maybe<Organisation>;
  /** When it ended; null while active. */
  until?: Maybe<Scalars['Date']['output']>;
};

/** How two organisations are linked. */
export type PartnershipKind =
  /** `from` is a member of the federation `to` (directed). */
  | 'FEDERATION_MEMBER'
  /** They run a project together (both ways). */
  | 'JOINT_PROJECT'
  /** A standing partnership (both ways). */
  | 'PARTNER'
  /** They share premises (both ways). */
  | 'SHARED_PREMISES';

/** The result of creating or ending a partnership. */
export type PartnershipPayload = {
  __typename?: 'PartnershipPayload';
  /** Why it was refused: each problem names its input field. */
  errors: Array<UserError>;
  /** The partnership as stored, or null when refused. */
  partnership?: Maybe<Partnership>;
};

/** What the viewer may do with a partnership, computed by the same checks as the mutations. */
export type PartnershipPermissions = {
  __typename?: 'PartnershipPermissions';
  /** May end it (endPartnership): members of either organisation, coordinators, officers, admins. */
  canEnd: Scalars['Boolean']['output'];
};

/** A tranche of the payment schedule. */
export type PaymentTranche = {
  __typename?: 'PaymentTranche';
  /** Amount of the tranche. */
  amount: Scalars['Money']['output'];
  /** When it is due. */
  dueDate: Scalars['Date']['output'];
  /** Stable identifier, to pass to recordPayment. */
  id: Scalars['ID']['output'];
  /** When it was paid; null while unpaid. */
  paidOn?: Maybe<Scalars['Date']['output']>;
  /** The year the tranche pays (a multi-year convention's year; otherwise the application's). */
  year: Scalars['Int']['output'];
};

/** Private contact details: visible to the organisation's members, officers and admins only. */
export type PrivateContact = {
  __typename?: 'PrivateContact';
  /** Contact email. */
  email?: Maybe<Scalars['String']['output']>;
  /** Contact person. */
  name?: Maybe<Scalars['String']['output']>;
  /** Contact phone. */
  phone?: Maybe<Scalars['String']['output']>;
};

/** Private contact details. */
export type PrivateContactInput = {
  /** Contact email. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Contact person. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Contact phone. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** The entry points for reading. */
export type Query = {
  __typename?: 'Query';
  /** The API's version, for clients that check compatibility. */
  apiVersion: Scalars['String']['output'];
  /** The city this server serves. */
  city: City;
  /** Co-funding alerts of a programme year (officers and admins): public money above cost first (largest excess first), then duplicates; at most 500. */
  cofundingAlerts: Array<CofundingAlert>;
  /** Council decisions, newest first (officers and admins). */
  councilDecisions: Array<CouncilDecision>;
  /** The coverage matrix of domains x neighbourhoods (coordinators, officers, admins). */
  coverage: Coverage;
  /** One domain; null when unknown, or archived and the viewer is not staff. */
  domain?: Maybe<Domain>;
  /** Every domain in use, top-level ones first then by name; use `parent` and `children` to walk the tree. */
  domains: Array<Domain>;
  /** One programme; null when it does not exist. */
  fundingProgramme?: Maybe<FundingProgramme>;
  /** Funding programmes, newest year first; of one year when given. */
  fundingProgrammes: Array<FundingProgramme>;
  /** One application; null when it does not exist or is not visible. */
  grantApplication?: Maybe<GrantApplication>;
  /** Applications the viewer may see, newest first. At most 100 a page. */
  grantApplications: GrantApplicationConnection;
  /** Approved grants not yet attached to a council decision, oldest decision first (officers and admins). */
  grantsAwaitingCouncilDecision: Array<GrantApplication>;
  /** The signed-in account, or null when anonymous. */
  me?: Maybe<User>;
  /** The conflicts of interest I declared (officers and admins). */
  myConflictsOfInterest: Array<ConflictOfInterest>;
  /** One neighbourhood; null when unknown, or archived and the viewer is not staff. */
  neighbourhood?: Maybe<Neighbourhood>;
  /** The neighbourhood in use whose shape contains this point (a priority one first where shapes overlap), or null: what an organisation's location suggests. */
  neighbourhoodAt?: Maybe<Neighbourhood>;
  /** Every neighbourhood in use, priority ones first, then by name. */
  neighbourhoods: Array<Neighbourhood>;
  /** The network graph. Coordinators, officers and admins see every organisation and edge; others see edges between public organisations (and their own). */
  network: Network;
  /** Decided grants no open-data export has listed yet, soonest due first (officers and admins). A grant counts as published once an SCDL or 360Giving file of its year has listed it (`GrantApplication.firstPublishedAt`). */
  openDataDue: Array<OpenDataDue>;
  /** Grants decided in the year (Paris time) that the SCDL and 360Giving exports leave out, e.g. a beneficiary with neither SIRET nor RNA number (officers and admins; at most 500). */
  openDataExclusions: Array<OpenDataExclusion>;
  /** One organisation; null when it does not exist or is not visible to the viewer. */
  organisation?: Maybe<Organisation>;
  /** Claims to manage organisations, oldest first (officers and admins). */
  organisationClaims: OrganisationClaimConnection;
  /** Unverified organisations that clashed with the registry import, newest first (officers and admins). */
  organisationClashes: OrganisationConnection;
  /** The directory: organisations matching the filter, by relevance when searching, else by name. At most 100 a page. */
  organisations: OrganisationConnection;
  /** The outbox: emails and webhook deliveries, newest first, by status (admins). */
  outboxMessages: OutboxMessageConnection;
  /** A letter of an application rendered as text with its programme's current wording (officers and admins). */
  previewLetter?: Maybe<LetterPreview>;
  /** Every threshold crossed by an organisation in a year, the largest first, at most 500 (officers and admins; organisations they are recused from are left out). */
  thresholdAlerts: Array<ThresholdAlert>;
  /** Accounts, by email (admins only). */
  users: UserConnection;
  /** A webhook's deliveries, newest first (admins). */
  webhookDeliveries: WebhookDeliveryConnection;
  /** Every webhook (admins). */
  webhooks: Array<Webhook>;
};


/** The entry points for reading. */
export type QueryCofundingAlertsArgs = {
  year: Scalars['Int']['input'];
};


/** The entry points for reading. */
export type QueryCouncilDecisionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading. */
export type QueryCoverageArgs = {
  filter?: InputMaybe<CoverageFilter>;
};


/** The entry points for reading. */
export type QueryDomainArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for reading. */
export type QueryDomainsArgs = {
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
  rootsOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


/** The entry points for reading. */
export type QueryFundingProgrammeArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for reading. */
export type QueryFundingProgrammesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading. */
export type QueryGrantApplicationArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for reading. */
export type QueryGrantApplicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<GrantApplicationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading. */
export type QueryGrantsAwaitingCouncilDecisionArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading. */
export type QueryMyConflictsOfInterestArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading. */
export type QueryNeighbourhoodArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for reading. */
export type QueryNeighbourhoodAtArgs = {
  lat: Scalars['Float']['input'];
  lng: Scalars['Float']['input'];
};


/** The entry points for reading. */
export type QueryNeighbourhoodsArgs = {
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
  priorityOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


/** The entry points for reading. */
export type QueryNetworkArgs = {
  filter?: InputMaybe<NetworkFilter>;
};


/** The entry points for reading. */
export type QueryOpenDataDueArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading. */
export type QueryOpenDataExclusionsArgs = {
  year: Scalars['Int']['input'];
};


/** The entry points for reading. */
export type QueryOrganisationArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for reading. */
export type QueryOrganisationClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<OrganisationClaimStatus>;
};


/** The entry points for reading. */
export type QueryOrganisationClashesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading. */
export type QueryOrganisationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrganisationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading. */
export type QueryOutboxMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<OutboxStatus>;
};


/** The entry points for reading. */
export type QueryPreviewLetterArgs = {
  applicationId: Scalars['ID']['input'];
  kind: LetterKind;
};


/** The entry points for reading. */
export type QueryThresholdAlertsArgs = {
  year: Scalars['Int']['input'];
};


/** The entry points for reading. */
export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading. */
export type QueryWebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  webhookId: Scalars['ID']['input'];
};


/** The entry points for reading. */
export type QueryWebhooksArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The result of a reconciliation. */
export type ReconciliationPayload = {
  __typename?: 'ReconciliationPayload';
  /** Why it failed. */
  errors: Array<UserError>;
  /** What was repaired. */
  report?: Maybe<ReconciliationReport>;
};

/** What reconciliation repaired. */
export type ReconciliationReport = {
  __typename?: 'ReconciliationReport';
  /** Activity records copied to the trail after an interruption. */
  activitiesFlushed: Scalars['Int']['output'];
  /** Commitments released because no approved application held them. */
  commitmentsReleased: Scalars['Int']['output'];
  /** Missing commitments of approved applications restored. */
  commitmentsRestored: Scalars['Int']['output'];
  /** Envelopes whose counters were recomputed from their ledger. */
  countersFixed: Scalars['Int']['output'];
  /** Recorded payments missing from their envelope, restored. */
  paymentsRestored: Scalars['Int']['output'];
  /** Interrupted approvals completed (their commitment was in place). */
  pendingFinished: Scalars['Int']['output'];
  /** Interrupted approvals rolled back (no commitment). */
  pendingRolledBack: Scalars['Int']['output'];
  /** What needs a person (the first 100; the server log lists them all). */
  unrepaired: Array<Scalars['String']['output']>;
};

/** A payment: a scheduled tranche, or an unscheduled amount. */
export type RecordPaymentInput = {
  /** Or an unscheduled amount. */
  amount?: InputMaybe<Scalars['Money']['input']>;
  /** Day of payment, from the decision day to today; today when omitted. */
  paidOn?: InputMaybe<Scalars['Date']['input']>;
  /** The tranche paid (its amount). */
  trancheId?: InputMaybe<Scalars['ID']['input']>;
  /** For an unscheduled amount: the year it pays; the application's year when omitted. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** The result of redeliverWebhookDelivery. */
export type RedeliverWebhookDeliveryPayload = {
  __typename?: 'RedeliverWebhookDeliveryPayload';
  /** The delivery, pending again with the same messageId. */
  delivery?: Maybe<WebhookDelivery>;
  /** Refusals (it is still pending, or its webhook is disabled). */
  errors: Array<UserError>;
};

/** What a new account needs (register). */
export type RegisterInput = {
  /** The name other people see (at most 120 characters). */
  displayName: Scalars['String']['input'];
  /** Sign-in email; the link to activate the account is sent there. Case does not matter. */
  email: Scalars['String']['input'];
  /** At least 12 characters, not the email, not common or guessable (checked with zxcvbn-ts, French and English dictionaries). */
  password: Scalars['String']['input'];
};

/** A clash found by the registry import: the identifier an unverified organisation held belongs to another association, imported beside it. */
export type RegistryClash = {
  __typename?: 'RegistryClash';
  /** When the import found the clash. */
  detectedAt: Scalars['DateTime']['output'];
  /** The association as the registry describes it. */
  organisation?: Maybe<Organisation>;
  /** The RNA number the registry gave to the other association, when that was the clash. */
  rna?: Maybe<Scalars['String']['output']>;
  /** The SIRET the registry gave to the other association, when that was the clash. */
  siret?: Maybe<Scalars['String']['output']>;
};

/** A rejection. */
export type RejectInput = {
  /** Why (required, at most 2,000 characters). */
  motivation: Scalars['String']['input'];
};

/** When a requirement is checked: at submission, or with the final report. */
export type RequirementStage =
  /** Checked when the application is submitted (CERFA 12156). */
  | 'APPLICATION'
  /** Checked when the final report is submitted (CERFA 15059). */
  | 'FINAL_REPORT';

/** The result of resetPassword. */
export type ResetPasswordPayload = {
  __typename?: 'ResetPasswordPayload';
  /** Why the link or the password was refused, on its field. */
  errors: Array<UserError>;
  /** The account whose password was set; every earlier session is signed out: sign in with login. */
  user?: Maybe<User>;
};

/** A review. */
export type ReviewInput = {
  /** Comment (at most 5,000 characters). */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** The recommendation. */
  recommendation: ReviewRecommendation;
  /** Scores per criterion (at most 20). */
  scores?: InputMaybe<Array<ReviewScoreInput>>;
};

/** An officer's recommendation in a review. */
export type ReviewRecommendation =
  /** Grant it. */
  | 'APPROVE'
  /** Ask the applicant for changes first. */
  | 'CHANGES'
  /** Refuse it. */
  | 'REJECT';

/** A score on one criterion. */
export type ReviewScore = {
  __typename?: 'ReviewScore';
  /** The criterion (e.g. `impact`). */
  criterion: Scalars['String']['output'];
  /** From 0 to 5. */
  score: Scalars['Int']['output'];
};

/** A score on one criterion. */
export type ReviewScoreInput = {
  /** The criterion. */
  criterion: Scalars['String']['input'];
  /** From 0 to 5. */
  score: Scalars['Int']['input'];
};

/** What a person may do across the city's system. */
export type Role =
  /** Accounts, roles, programmes, envelopes and reference data. */
  | 'ADMIN'
  /** Maps partner organisations and the network. */
  | 'COORDINATOR'
  /** A member of one or more organisations. */
  | 'MEMBER'
  /** A city officer (instructeur): reviews applications, decides, pays. */
  | 'OFFICER';

/** The result of rotateWebhookSecret. */
export type RotateWebhookSecretPayload = {
  __typename?: 'RotateWebhookSecretPayload';
  /** Refusals. */
  errors: Array<UserError>;
  /** The new signing secret, shown this once; the old one stops working at once. */
  secret?: Maybe<Scalars['String']['output']>;
  /** The webhook. */
  webhook?: Maybe<Webhook>;
};

/** Amount actually spent on one budget line. */
export type SpentLine = {
  __typename?: 'SpentLine';
  /** Amount spent. */
  amount: Scalars['Money']['output'];
  /** The budget line. */
  label: Scalars['String']['output'];
};

/** Amount spent on one budget line. */
export type SpentLineInput = {
  /** Amount spent (0 or more), at most 100,000,000,000 cents (1 billion EUR). */
  amount: Scalars['Money']['input'];
  /** The budget line. */
  label: Scalars['String']['input'];
};

/** A threshold an organisation crossed in a year (for officers). */
export type ThresholdAlert = {
  __typename?: 'ThresholdAlert';
  /** The threshold, in cents. */
  amount: Scalars['Money']['output'];
  /** What is counted, in cents. */
  counted: Scalars['Money']['output'];
  /** Which threshold. */
  kind: FundingThresholdKind;
  /** The threshold and the amounts in words. */
  message: Scalars['String']['output'];
  /** The organisation. */
  organisation: Organisation;
  /** The year. */
  year: Scalars['Int']['output'];
};

/** A tranche to schedule. */
export type TrancheInput = {
  /** Amount, positive; payments made and tranches together at most the amount granted. */
  amount: Scalars['Money']['input'];
  /** When it is due: the decision day or later. */
  dueDate: Scalars['Date']['input'];
  /** The year it pays, a voted year of the convention; the application's year when omitted. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** Changes to an envelope; the total cannot go below what is committed. */
export type UpdateBudgetEnvelopeInput = {
  /** Label. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** Credits voted. */
  total?: InputMaybe<Scalars['Money']['input']>;
};

/** Changes to a domain: only the fields given change (its code never does). */
export type UpdateDomainInput = {
  /** What the domain covers; null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Name, 1 to 120 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The broader, top-level domain; null makes it top-level. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** The programme proposal it serves (1 to 99). */
  proposal?: InputMaybe<Scalars['Int']['input']>;
};

/** Changes to a programme; omitted fields stay. */
export type UpdateFundingProgrammeInput = {
  /** Last day of submissions. */
  closesOn?: InputMaybe<Scalars['Date']['input']>;
  /** Description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Domains. */
  domainIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Eligible legal forms. */
  eligibleLegalForms?: InputMaybe<Array<LegalForm>>;
  /** Largest request, at most 100,000,000,000 cents (1 billion EUR). */
  maxAmount?: InputMaybe<Scalars['Money']['input']>;
  /** Smallest request, at most 100,000,000,000 cents (1 billion EUR). */
  minAmount?: InputMaybe<Scalars['Money']['input']>;
  /** Name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** First day of submissions. */
  opensOn?: InputMaybe<Scalars['Date']['input']>;
  /** Year. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** Changes to an application while DRAFT or CHANGES_REQUESTED; omitted fields stay. */
export type UpdateGrantApplicationInput = {
  /** The budget; replaces the whole list. */
  budgetLines?: InputMaybe<Array<BudgetLineInput>>;
  /** Description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** People expected to be reached. */
  expectedBeneficiaries?: InputMaybe<Scalars['Int']['input']>;
  /** Objectives. */
  objectives?: InputMaybe<Scalars['String']['input']>;
  /** Other funders; replaces the whole list. */
  otherFunders?: InputMaybe<Array<OtherFunderInput>>;
  /** Attests the contrat d'engagement républicain. */
  republicanContractAttested?: InputMaybe<Scalars['Boolean']['input']>;
  /** Amount requested, positive, at most 100,000,000,000 cents (1 billion EUR). */
  requestedAmount?: InputMaybe<Scalars['Money']['input']>;
  /** Domains served. */
  targetDomainIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Targeted neighbourhoods. */
  targetNeighbourhoodIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Title. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** A multi-year request: 2 to 4 consecutive years; requestedAmount is their sum (set from them when omitted); an empty list makes it a one-year request. */
  years?: InputMaybe<Array<YearAmountInput>>;
};

/** Changes to a neighbourhood: only the fields given change (its code never does). */
export type UpdateNeighbourhoodInput = {
  /** Its new shape. */
  geometry?: InputMaybe<GeometryInput>;
  /** A priority neighbourhood of the city policy (QPV). */
  isPriority?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name, 1 to 120 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Approximate population; null clears it. */
  population?: InputMaybe<Scalars['Int']['input']>;
};

/** Changes to your email preferences; kinds not listed keep theirs. */
export type UpdateNotificationPreferencesInput = {
  /** The kinds to change. */
  preferences: Array<NotificationPreferenceInput>;
};

/** The result of updateNotificationPreferences. */
export type UpdateNotificationPreferencesPayload = {
  __typename?: 'UpdateNotificationPreferencesPayload';
  /** Refusals (a security email cannot be turned off), each on its field. */
  errors: Array<UserError>;
  /** Every kind and how you are now emailed about it. */
  preferences?: Maybe<Array<NotificationPreference>>;
};

/** Changes to an organisation: only the fields given change; null clears an optional field. */
export type UpdateOrganisationInput = {
  /** Acronym (at most 30 characters). */
  acronym?: InputMaybe<Scalars['String']['input']>;
  /** Postal address. */
  address?: InputMaybe<AddressInput>;
  /** Purpose (objet), 10 to 5,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Domains of action (at most 20). */
  domainIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Head-counts. */
  headcount?: InputMaybe<HeadcountInput>;
  /** IBAN (checked with its key). */
  iban?: InputMaybe<Scalars['String']['input']>;
  /** Listed in the public directory. */
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  /** Labels and approvals (at most 20). */
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Legal form. */
  legalForm?: InputMaybe<LegalForm>;
  /** Location, inside the city's bounds. */
  location?: InputMaybe<GeoPointInput>;
  /** Name (2 to 200 characters). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Neighbourhoods served (at most 30). */
  neighbourhoodIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Private contact. */
  privateContact?: InputMaybe<PrivateContactInput>;
  /** Public contact email. */
  publicEmail?: InputMaybe<Scalars['String']['input']>;
  /** Public contact phone. */
  publicPhone?: InputMaybe<Scalars['String']['input']>;
  /** RNA number: W followed by 9 digits. */
  rna?: InputMaybe<Scalars['String']['input']>;
  /** SIRET: 14 digits with a valid check digit. */
  siret?: InputMaybe<Scalars['String']['input']>;
  /** Operating or dissolved (officers and admins only): DISSOLVED makes it read-only for its members, ACTIVE reactivates it. */
  status?: InputMaybe<OrganisationStatus>;
  /** Website (http or https). */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** Changes an admin makes to an account (updateUser); omitted fields keep their value. */
export type UpdateUserInput = {
  /** True disables the account: it cannot sign in and its tokens stop working. The last active admin cannot be disabled. */
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** New city-wide role. The last active admin cannot lose the role. */
  role?: InputMaybe<Role>;
};

/** An account. */
export type User = {
  __typename?: 'User';
  /** True when an admin disabled the account (it cannot sign in, its tokens no longer work); visible to the person themself and staff, null for others. */
  disabled?: Maybe<Scalars['Boolean']['output']>;
  /** Sign-in email; visible to the person themself and to officers and admins, null for others. */
  email?: Maybe<Scalars['String']['output']>;
  /** False while the person has not opened the verification link of their email (they cannot sign in yet); visible to the person themself and staff, null for others. */
  emailVerified?: Maybe<Scalars['Boolean']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Invitations to join organisations, not yet accepted (visible to the person themself and staff). */
  invitations?: Maybe<Array<Membership>>;
  /** The organisations this person belongs to (visible to the person themself and staff). */
  memberships?: Maybe<Array<Membership>>;
  /** Display name. */
  name: Scalars['String']['output'];
  /** How you are emailed about each kind of event (only for yourself; null on anyone else). */
  notificationPreferences?: Maybe<Array<NotificationPreference>>;
  /** Your notifications, newest first (only for yourself; null on anyone else). */
  notifications?: Maybe<NotificationConnection>;
  /** City-wide role. */
  role: Role;
};


/** An account. */
export type UserInvitationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An account. */
export type UserMembershipsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An account. */
export type UserNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of accounts, by email. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** This page. */
  edges: Array<UserEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many accounts match the filter (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** An account in a list. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Opaque position of this item: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The account. */
  node: User;
};

/** An expected refusal of a mutation: what went wrong, and which input field to fix. */
export type UserError = {
  __typename?: 'UserError';
  /** Stable machine-readable code (BAD_USER_INPUT, CONFLICT, INVALID_TRANSITION, ...). */
  code: Scalars['String']['output'];
  /** The input field at fault (dotted path, e.g. `input.siret`), or null when it concerns the whole request. */
  field?: Maybe<Scalars['String']['output']>;
  /** A message a person can act on. */
  message: Scalars['String']['output'];
};

/** Which accounts to list (users). */
export type UserFilter = {
  /** Only disabled accounts (true) or only enabled ones (false). */
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only this role. */
  role?: InputMaybe<Role>;
  /** A piece of the email or name (case does not matter, at most 100 characters). */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** The result of createUser or updateUser. */
export type UserPayload = {
  __typename?: 'UserPayload';
  /** Why the change was refused, on its field. */
  errors: Array<UserError>;
  /** The account. */
  user?: Maybe<User>;
};

/** The result of verifyEmail. */
export type VerifyEmailPayload = {
  __typename?: 'VerifyEmailPayload';
  /** Why the link was refused (invalid, used or expired). */
  errors: Array<UserError>;
  /** The account, now active: sign in with login. */
  user?: Maybe<User>;
};

/** The council's vote of a later year of a multi-year convention. */
export type VoteConventionYearInput = {
  /** The approved application. */
  applicationId: Scalars['ID']['input'];
  /** The council decision that votes it. */
  councilDecisionId: Scalars['ID']['input'];
  /** An envelope of a programme of that year, on which the year's amount is committed. */
  envelopeId: Scalars['ID']['input'];
  /** The year voted (a provisional year whose previous year is voted). */
  year: Scalars['Int']['input'];
};

/** A subscription of another system of the city to events, delivered after Standard Webhooks. */
export type Webhook = {
  __typename?: 'Webhook';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What it is for. */
  description: Scalars['String']['output'];
  /** Why it was disabled. */
  disabledReason?: Maybe<Scalars['String']['output']>;
  /** False once disabled (24 hours of failures); a disabled hook receives nothing. */
  enabled: Scalars['Boolean']['output'];
  /** The event types it receives, e.g. `grant_application.submitted`. */
  events: Array<Scalars['String']['output']>;
  /** Since when its deliveries have been failing; null when the last one succeeded. */
  failingSince?: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Where deliveries are POSTed. */
  url: Scalars['String']['output'];
};

/** One event sent, or to be sent, to a webhook. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** Attempts made so far. */
  attempts: Scalars['Int']['output'];
  /** When the event happened. */
  createdAt: Scalars['DateTime']['output'];
  /** When the receiver accepted it. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The event type. */
  eventType: Scalars['String']['output'];
  /** Stable identifier (pass to redeliverWebhookDelivery). */
  id: Scalars['ID']['output'];
  /** The last failure, when there was one. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** The `webhook-id` header: the same for every attempt, so the receiver can ignore repeats. */
  messageId: Scalars['String']['output'];
  /** When the next attempt is due, while pending. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where it stands. */
  status: OutboxStatus;
  /** The receiver's HTTP status at the last attempt; null when no answer came. */
  statusCode?: Maybe<Scalars['Int']['output']>;
};

/** A page of a webhook's deliveries, newest first. */
export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  /** This page. */
  edges: Array<WebhookDeliveryEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many deliveries the hook has (within the retention). */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a delivery list. */
export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  /** Pass as `after` to continue after this item. */
  cursor: Scalars['String']['output'];
  /** The delivery. */
  node: WebhookDelivery;
};

/** Withdrawing a granted subsidy. */
export type WithdrawGrantInput = {
  /** The application whose grant is withdrawn (APPROVED or COMPLETED). */
  applicationId: Scalars['ID']['input'];
  /** What happened, in words (at most 2,000 characters); the recovery order cites it. */
  details: Scalars['String']['input'];
  /** The day the withdrawal takes effect (YYYY-MM-DD): from the grant period's first day to today. */
  effectiveOn: Scalars['Date']['input'];
  /** Why. */
  reason: WithdrawalReason;
};

/** Why the city withdraws a grant. */
export type WithdrawalReason =
  /** The conditions of the grant were not met. */
  | 'CONDITIONS_UNMET'
  /** A breach of the republican contract (contrat d'engagement républicain, décret 2021-1947). */
  | 'REPUBLICAN_CONTRACT_BREACH';

/** An amount for one year. */
export type YearAmount = {
  __typename?: 'YearAmount';
  /** Amount for that year. */
  amount: Scalars['Money']['output'];
  /** The year. */
  year: Scalars['Int']['output'];
};

/** An amount for one year. */
export type YearAmountInput = {
  /** Amount, positive, in cents. */
  amount: Scalars['Money']['input'];
  /** The year (2000 to 2100); the years follow each other. */
  year: Scalars['Int']['input'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccountRequestPayload: ResolverTypeWrapper<AccountRequestPayload>;
  ActivityRecord: ResolverTypeWrapper<ActivityDoc>;
  ActivityRecordConnection: ResolverTypeWrapper<ActivityRecordConnectionParent>;
  ActivityRecordEdge: ResolverTypeWrapper<Omit<ActivityRecordEdge, 'node'> & { node: ResolversTypes['ActivityRecord'] }>;
  AddOrganisationMemberInput: AddOrganisationMemberInput;
  Address: ResolverTypeWrapper<Address>;
  AddressInput: AddressInput;
  AmendConventionInput: AmendConventionInput;
  ApproveInput: ApproveInput;
  AttachDocumentInput: AttachDocumentInput;
  AttachToCouncilDecisionInput: AttachToCouncilDecisionInput;
  AttachedDocument: ResolverTypeWrapper<AttachedDocumentParent>;
  BeneficiarySnapshot: ResolverTypeWrapper<BeneficiarySnapshot>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BudgetEnvelope: ResolverTypeWrapper<BudgetEnvelopeDoc>;
  BudgetEnvelopePayload: ResolverTypeWrapper<Omit<BudgetEnvelopePayload, 'envelope'> & { envelope?: Maybe<ResolversTypes['BudgetEnvelope']> }>;
  BudgetLine: ResolverTypeWrapper<BudgetLine>;
  BudgetLineInput: BudgetLineInput;
  BudgetLineKind: BudgetLineKind;
  ChangePasswordPayload: ResolverTypeWrapper<Omit<ChangePasswordPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  ChecklistStatus: ChecklistStatus;
  City: ResolverTypeWrapper<City>;
  ClaimOrganisationInput: ClaimOrganisationInput;
  CofundingAlert: ResolverTypeWrapper<CofundingAlertParent>;
  ConflictOfInterest: ResolverTypeWrapper<ConflictOfInterestDoc>;
  ConflictOfInterestPayload: ResolverTypeWrapper<Omit<ConflictOfInterestPayload, 'conflict'> & { conflict?: Maybe<ResolversTypes['ConflictOfInterest']> }>;
  ConventionAmendment: ResolverTypeWrapper<ConventionAmendment>;
  ConventionInput: ConventionInput;
  ConventionYear: ResolverTypeWrapper<ConventionYearParent>;
  ConventionYearStatus: ConventionYearStatus;
  CouncilDecision: ResolverTypeWrapper<CouncilDecisionDoc>;
  CouncilDecisionPayload: ResolverTypeWrapper<Omit<CouncilDecisionPayload, 'councilDecision'> & { councilDecision?: Maybe<ResolversTypes['CouncilDecision']> }>;
  Coverage: ResolverTypeWrapper<Omit<Coverage, 'cells'> & { cells: Array<ResolversTypes['CoverageCell']> }>;
  CoverageCell: ResolverTypeWrapper<CoverageCellParent>;
  CoverageFilter: CoverageFilter;
  CreateBudgetEnvelopeInput: CreateBudgetEnvelopeInput;
  CreateCouncilDecisionInput: CreateCouncilDecisionInput;
  CreateDomainInput: CreateDomainInput;
  CreateFundingProgrammeInput: CreateFundingProgrammeInput;
  CreateGrantApplicationInput: CreateGrantApplicationInput;
  CreateNeighbourhoodInput: CreateNeighbourhoodInput;
  CreateOrganisationInput: CreateOrganisationInput;
  CreatePartnershipInput: CreatePartnershipInput;
  CreateUserInput: CreateUserInput;
  CreateWebhookInput: CreateWebhookInput;
  CreateWebhookPayload: ResolverTypeWrapper<Omit<CreateWebhookPayload, 'webhook'> & { webhook?: Maybe<ResolversTypes['Webhook']> }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DecideOrganisationClaimInput: DecideOrganisationClaimInput;
  DeclareFundingYearInput: DeclareFundingYearInput;
  DeclareFundingYearPayload: ResolverTypeWrapper<Omit<DeclareFundingYearPayload, 'summary'> & { summary?: Maybe<ResolversTypes['FundingSummary']> }>;
  DeleteDocumentPayload: ResolverTypeWrapper<DeleteDocumentPayload>;
  DeleteWebhookPayload: ResolverTypeWrapper<DeleteWebhookPayload>;
  DetachDocumentInput: DetachDocumentInput;
  Document: ResolverTypeWrapper<DocumentDoc>;
  DocumentChecklistItem: ResolverTypeWrapper<ChecklistItemParent>;
  DocumentConnection: ResolverTypeWrapper<DocumentConnectionParent>;
  DocumentEdge: ResolverTypeWrapper<Omit<DocumentEdge, 'node'> & { node: ResolversTypes['Document'] }>;
  DocumentKind: DocumentKind;
  DocumentRequirement: ResolverTypeWrapper<DocumentRequirementParent>;
  DocumentRequirementInput: DocumentRequirementInput;
  DocumentStatus: DocumentStatus;
  Domain: ResolverTypeWrapper<DomainDoc>;
  DomainPayload: ResolverTypeWrapper<Omit<DomainPayload, 'domain'> & { domain?: Maybe<ResolversTypes['Domain']> }>;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  FinalReport: ResolverTypeWrapper<FinalReportParent>;
  FinalReportInput: FinalReportInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FunderStatus: FunderStatus;
  FundingFlag: FundingFlag;
  FundingProgramme: ResolverTypeWrapper<FundingProgrammeDoc>;
  FundingProgrammePayload: ResolverTypeWrapper<Omit<FundingProgrammePayload, 'programme'> & { programme?: Maybe<ResolversTypes['FundingProgramme']> }>;
  FundingSource: ResolverTypeWrapper<FundingSource>;
  FundingSummary: ResolverTypeWrapper<FundingSummaryParent>;
  FundingThreshold: ResolverTypeWrapper<FundingThreshold>;
  FundingThresholdKind: FundingThresholdKind;
  GeoJSON: ResolverTypeWrapper<Scalars['GeoJSON']['output']>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  GeoPointInput: GeoPointInput;
  GeometryInput: GeometryInput;
  GrantApplication: ResolverTypeWrapper<GrantApplicationDoc>;
  GrantApplicationConnection: ResolverTypeWrapper<GrantApplicationConnectionParent>;
  GrantApplicationEdge: ResolverTypeWrapper<Omit<GrantApplicationEdge, 'node'> & { node: ResolversTypes['GrantApplication'] }>;
  GrantApplicationFilter: GrantApplicationFilter;
  GrantApplicationPayload: ResolverTypeWrapper<Omit<GrantApplicationPayload, 'application'> & { application?: Maybe<ResolversTypes['GrantApplication']> }>;
  GrantConvention: ResolverTypeWrapper<GrantConvention>;
  GrantDecision: ResolverTypeWrapper<GrantDecisionParent>;
  GrantFunding: ResolverTypeWrapper<Funding>;
  GrantLetter: ResolverTypeWrapper<LetterDoc>;
  GrantMessage: ResolverTypeWrapper<GrantMessageParent>;
  GrantNote: ResolverTypeWrapper<GrantNoteParent>;
  GrantPermissions: ResolverTypeWrapper<GrantPermissions>;
  GrantRecovery: ResolverTypeWrapper<GrantRecoveryParent>;
  GrantReview: ResolverTypeWrapper<GrantReviewParent>;
  GrantStatus: GrantStatus;
  Headcount: ResolverTypeWrapper<Headcount>;
  HeadcountInput: HeadcountInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  InKindAid: ResolverTypeWrapper<InKindAid>;
  InKindInput: InKindInput;
  InKindKind: InKindKind;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InterimReport: ResolverTypeWrapper<InterimReport>;
  InterimReportInput: InterimReportInput;
  LegalForm: LegalForm;
  LetterKind: LetterKind;
  LetterPreview: ResolverTypeWrapper<LetterPreview>;
  LetterTemplate: ResolverTypeWrapper<LetterTemplateParent>;
  LetterTemplatePayload: ResolverTypeWrapper<Omit<LetterTemplatePayload, 'template'> & { template?: Maybe<ResolversTypes['LetterTemplate']> }>;
  LoginPayload: ResolverTypeWrapper<Omit<LoginPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  MarkNotificationsReadInput: MarkNotificationsReadInput;
  MarkNotificationsReadPayload: ResolverTypeWrapper<MarkNotificationsReadPayload>;
  Membership: ResolverTypeWrapper<MembershipParent>;
  MembershipPayload: ResolverTypeWrapper<Omit<MembershipPayload, 'membership'> & { membership?: Maybe<ResolversTypes['Membership']> }>;
  MembershipRole: MembershipRole;
  MembershipStatus: MembershipStatus;
  Money: ResolverTypeWrapper<Scalars['Money']['output']>;
  MultiYearConvention: ResolverTypeWrapper<MultiYearConventionParent>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NearInput: NearInput;
  Neighbourhood: ResolverTypeWrapper<NeighbourhoodDoc>;
  NeighbourhoodPayload: ResolverTypeWrapper<Omit<NeighbourhoodPayload, 'neighbourhood'> & { neighbourhood?: Maybe<ResolversTypes['Neighbourhood']> }>;
  Network: ResolverTypeWrapper<NetworkParent>;
  NetworkEdge: ResolverTypeWrapper<NetworkEdge>;
  NetworkFilter: NetworkFilter;
  NetworkNode: ResolverTypeWrapper<NetworkNodeParent>;
  Notification: ResolverTypeWrapper<NotificationDoc>;
  NotificationConnection: ResolverTypeWrapper<NotificationConnectionParent>;
  NotificationDelivery: NotificationDelivery;
  NotificationEdge: ResolverTypeWrapper<Omit<NotificationEdge, 'node'> & { node: ResolversTypes['Notification'] }>;
  NotificationKind: NotificationKind;
  NotificationPreference: ResolverTypeWrapper<NotificationPreference>;
  NotificationPreferenceInput: NotificationPreferenceInput;
  OpenDataDue: ResolverTypeWrapper<Omit<OpenDataDue, 'application'> & { application: ResolversTypes['GrantApplication'] }>;
  OpenDataExclusion: ResolverTypeWrapper<Exclusion>;
  Organisation: ResolverTypeWrapper<OrganisationDoc>;
  OrganisationClaim: ResolverTypeWrapper<OrganisationClaimDoc>;
  OrganisationClaimConnection: ResolverTypeWrapper<OrganisationClaimConnectionParent>;
  OrganisationClaimEdge: ResolverTypeWrapper<Omit<OrganisationClaimEdge, 'node'> & { node: ResolversTypes['OrganisationClaim'] }>;
  OrganisationClaimPayload: ResolverTypeWrapper<Omit<OrganisationClaimPayload, 'claim'> & { claim?: Maybe<ResolversTypes['OrganisationClaim']> }>;
  OrganisationClaimStatus: OrganisationClaimStatus;
  OrganisationConnection: ResolverTypeWrapper<OrganisationConnectionParent>;
  OrganisationEdge: ResolverTypeWrapper<Omit<OrganisationEdge, 'node'> & { node: ResolversTypes['Organisation'] }>;
  OrganisationFilter: OrganisationFilter;
  OrganisationPayload: ResolverTypeWrapper<Omit<OrganisationPayload, 'organisation'> & { organisation?: Maybe<ResolversTypes['Organisation']> }>;
  OrganisationPermissions: ResolverTypeWrapper<OrganisationPermissions>;
  OrganisationStatus: OrganisationStatus;
  OtherFunder: ResolverTypeWrapper<OtherFunder>;
  OtherFunderInput: OtherFunderInput;
  OutboxChannel: OutboxChannel;
  OutboxMessage: ResolverTypeWrapper<OutboxMessageDoc>;
  OutboxMessageConnection: ResolverTypeWrapper<OutboxMessageConnectionParent>;
  OutboxMessageEdge: ResolverTypeWrapper<Omit<OutboxMessageEdge, 'node'> & { node: ResolversTypes['OutboxMessage'] }>;
  OutboxStatus: OutboxStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Partnership: ResolverTypeWrapper<PartnershipDoc>;
  PartnershipKind: PartnershipKind;
  PartnershipPayload: ResolverTypeWrapper<Omit<PartnershipPayload, 'partnership'> & { partnership?: Maybe<ResolversTypes['Partnership']> }>;
  PartnershipPermissions: ResolverTypeWrapper<PartnershipPermissions>;
  PaymentTranche: ResolverTypeWrapper<PaymentTranche>;
  PrivateContact: ResolverTypeWrapper<PrivateContact>;
  PrivateContactInput: PrivateContactInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReconciliationPayload: ResolverTypeWrapper<ReconciliationPayload>;
  ReconciliationReport: ResolverTypeWrapper<ReconciliationReport>;
  RecordPaymentInput: RecordPaymentInput;
  RedeliverWebhookDeliveryPayload: ResolverTypeWrapper<Omit<RedeliverWebhookDeliveryPayload, 'delivery'> & { delivery?: Maybe<ResolversTypes['WebhookDelivery']> }>;
  RegisterInput: RegisterInput;
  RegistryClash: ResolverTypeWrapper<RegistryClashParent>;
  RejectInput: RejectInput;
  RequirementStage: RequirementStage;
  ResetPasswordPayload: ResolverTypeWrapper<Omit<ResetPasswordPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  ReviewInput: ReviewInput;
  ReviewRecommendation: ReviewRecommendation;
  ReviewScore: ResolverTypeWrapper<ReviewScore>;
  ReviewScoreInput: ReviewScoreInput;
  Role: Role;
  RotateWebhookSecretPayload: ResolverTypeWrapper<Omit<RotateWebhookSecretPayload, 'webhook'> & { webhook?: Maybe<ResolversTypes['Webhook']> }>;
  SpentLine: ResolverTypeWrapper<SpentLine>;
  SpentLineInput: SpentLineInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ThresholdAlert: ResolverTypeWrapper<ThresholdAlertParent>;
  TrancheInput: TrancheInput;
  UpdateBudgetEnvelopeInput: UpdateBudgetEnvelopeInput;
  UpdateDomainInput: UpdateDomainInput;
  UpdateFundingProgrammeInput: UpdateFundingProgrammeInput;
  UpdateGrantApplicationInput: UpdateGrantApplicationInput;
  UpdateNeighbourhoodInput: UpdateNeighbourhoodInput;
  UpdateNotificationPreferencesInput: UpdateNotificationPreferencesInput;
  UpdateNotificationPreferencesPayload: ResolverTypeWrapper<UpdateNotificationPreferencesPayload>;
  UpdateOrganisationInput: UpdateOrganisationInput;
  UpdateUserInput: UpdateUserInput;
  User: ResolverTypeWrapper<UserParent>;
  UserConnection: ResolverTypeWrapper<UserConnectionParent>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  UserError: ResolverTypeWrapper<UserError>;
  UserFilter: UserFilter;
  UserPayload: ResolverTypeWrapper<Omit<UserPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  VerifyEmailPayload: ResolverTypeWrapper<Omit<VerifyEmailPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  VoteConventionYearInput: VoteConventionYearInput;
  Webhook: ResolverTypeWrapper<WebhookDoc>;
  WebhookDelivery: ResolverTypeWrapper<OutboxMessageDoc>;
  WebhookDeliveryConnection: ResolverTypeWrapper<OutboxMessageConnectionParent>;
  WebhookDeliveryEdge: ResolverTypeWrapper<Omit<WebhookDeliveryEdge, 'node'> & { node: ResolversTypes['WebhookDelivery'] }>;
  WithdrawGrantInput: WithdrawGrantInput;
  WithdrawalReason: WithdrawalReason;
  YearAmount: ResolverTypeWrapper<YearAmount>;
  YearAmountInput: YearAmountInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccountRequestPayload: AccountRequestPayload;
  ActivityRecord: ActivityDoc;
  ActivityRecordConnection: ActivityRecordConnectionParent;
  ActivityRecordEdge: Omit<ActivityRecordEdge, 'node'> & { node: ResolversParentTypes['ActivityRecord'] };
  AddOrganisationMemberInput: AddOrganisationMemberInput;
  Address: Address;
  AddressInput: AddressInput;
  AmendConventionInput: AmendConventionInput;
  ApproveInput: ApproveInput;
  AttachDocumentInput: AttachDocumentInput;
  AttachToCouncilDecisionInput: AttachToCouncilDecisionInput;
  AttachedDocument: AttachedDocumentParent;
  BeneficiarySnapshot: BeneficiarySnapshot;
  Boolean: Scalars['Boolean']['output'];
  BudgetEnvelope: BudgetEnvelopeDoc;
  BudgetEnvelopePayload: Omit<BudgetEnvelopePayload, 'envelope'> & { envelope?: Maybe<ResolversParentTypes['BudgetEnvelope']> };
  BudgetLine: BudgetLine;
  BudgetLineInput: BudgetLineInput;
  ChangePasswordPayload: Omit<ChangePasswordPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  City: City;
  ClaimOrganisationInput: ClaimOrganisationInput;
  CofundingAlert: CofundingAlertParent;
  ConflictOfInterest: ConflictOfInterestDoc;
  ConflictOfInterestPayload: Omit<ConflictOfInterestPayload, 'conflict'> & { conflict?: Maybe<ResolversParentTypes['ConflictOfInterest']> };
  ConventionAmendment: ConventionAmendment;
  ConventionInput: ConventionInput;
  ConventionYear: ConventionYearParent;
  CouncilDecision: CouncilDecisionDoc;
  CouncilDecisionPayload: Omit<CouncilDecisionPayload, 'councilDecision'> & { councilDecision?: Maybe<ResolversParentTypes['CouncilDecision']> };
  Coverage: Omit<Coverage, 'cells'> & { cells: Array<ResolversParentTypes['CoverageCell']> };
  CoverageCell: CoverageCellParent;
  CoverageFilter: CoverageFilter;
  CreateBudgetEnvelopeInput: CreateBudgetEnvelopeInput;
  CreateCouncilDecisionInput: CreateCouncilDecisionInput;
  CreateDomainInput: CreateDomainInput;
  CreateFundingProgrammeInput: CreateFundingProgrammeInput;
  CreateGrantApplicationInput: CreateGrantApplicationInput;
  CreateNeighbourhoodInput: CreateNeighbourhoodInput;
  CreateOrganisationInput: CreateOrganisationInput;
  CreatePartnershipInput: CreatePartnershipInput;
  CreateUserInput: CreateUserInput;
  CreateWebhookInput: CreateWebhookInput;
  CreateWebhookPayload: Omit<CreateWebhookPayload, 'webhook'> & { webhook?: Maybe<ResolversParentTypes['Webhook']> };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DecideOrganisationClaimInput: DecideOrganisationClaimInput;
  DeclareFundingYearInput: DeclareFundingYearInput;
  DeclareFundingYearPayload: Omit<DeclareFundingYearPayload, 'summary'> & { summary?: Maybe<ResolversParentTypes['FundingSummary']> };
  DeleteDocumentPayload: DeleteDocumentPayload;
  DeleteWebhookPayload: DeleteWebhookPayload;
  DetachDocumentInput: DetachDocumentInput;
  Document: DocumentDoc;
  DocumentChecklistItem: ChecklistItemParent;
  DocumentConnection: DocumentConnectionParent;
  DocumentEdge: Omit<DocumentEdge, 'node'> & { node: ResolversParentTypes['Document'] };
  DocumentRequirement: DocumentRequirementParent;
  DocumentRequirementInput: DocumentRequirementInput;
  Domain: DomainDoc;
  DomainPayload: Omit<DomainPayload, 'domain'> & { domain?: Maybe<ResolversParentTypes['Domain']> };
  FieldChange: FieldChange;
  FinalReport: FinalReportParent;
  FinalReportInput: FinalReportInput;
  Float: Scalars['Float']['output'];
  FundingProgramme: FundingProgrammeDoc;
  FundingProgrammePayload: Omit<FundingProgrammePayload, 'programme'> & { programme?: Maybe<ResolversParentTypes['FundingProgramme']> };
  FundingSource: FundingSource;
  FundingSummary: FundingSummaryParent;
  FundingThreshold: FundingThreshold;
  GeoJSON: Scalars['GeoJSON']['output'];
  GeoPoint: GeoPoint;
  GeoPointInput: GeoPointInput;
  GeometryInput: GeometryInput;
  GrantApplication: GrantApplicationDoc;
  GrantApplicationConnection: GrantApplicationConnectionParent;
  GrantApplicationEdge: Omit<GrantApplicationEdge, 'node'> & { node: ResolversParentTypes['GrantApplication'] };
  GrantApplicationFilter: GrantApplicationFilter;
  GrantApplicationPayload: Omit<GrantApplicationPayload, 'application'> & { application?: Maybe<ResolversParentTypes['GrantApplication']> };
  GrantConvention: GrantConvention;
  GrantDecision: GrantDecisionParent;
  GrantFunding: Funding;
  GrantLetter: LetterDoc;
  GrantMessage: GrantMessageParent;
  GrantNote: GrantNoteParent;
  GrantPermissions: GrantPermissions;
  GrantRecovery: GrantRecoveryParent;
  GrantReview: GrantReviewParent;
  Headcount: Headcount;
  HeadcountInput: HeadcountInput;
  ID: Scalars['ID']['output'];
  InKindAid: InKindAid;
  InKindInput: InKindInput;
  Int: Scalars['Int']['output'];
  InterimReport: InterimReport;
  InterimReportInput: InterimReportInput;
  LetterPreview: LetterPreview;
  LetterTemplate: LetterTemplateParent;
  LetterTemplatePayload: Omit<LetterTemplatePayload, 'template'> & { template?: Maybe<ResolversParentTypes['LetterTemplate']> };
  LoginPayload: Omit<LoginPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  MarkNotificationsReadInput: MarkNotificationsReadInput;
  MarkNotificationsReadPayload: MarkNotificationsReadPayload;
  Membership: MembershipParent;
  MembershipPayload: Omit<MembershipPayload, 'membership'> & { membership?: Maybe<ResolversParentTypes['Membership']> };
  Money: Scalars['Money']['output'];
  MultiYearConvention: MultiYearConventionParent;
  Mutation: Record<PropertyKey, never>;
  NearInput: NearInput;
  Neighbourhood: NeighbourhoodDoc;
  NeighbourhoodPayload: Omit<NeighbourhoodPayload, 'neighbourhood'> & { neighbourhood?: Maybe<ResolversParentTypes['Neighbourhood']> };
  Network: NetworkParent;
  NetworkEdge: NetworkEdge;
  NetworkFilter: NetworkFilter;
  NetworkNode: NetworkNodeParent;
  Notification: NotificationDoc;
  NotificationConnection: NotificationConnectionParent;
  NotificationEdge: Omit<NotificationEdge, 'node'> & { node: ResolversParentTypes['Notification'] };
  NotificationPreference: NotificationPreference;
  NotificationPreferenceInput: NotificationPreferenceInput;
  OpenDataDue: Omit<OpenDataDue, 'application'> & { application: ResolversParentTypes['GrantApplication'] };
  OpenDataExclusion: Exclusion;
  Organisation: OrganisationDoc;
  OrganisationClaim: OrganisationClaimDoc;
  OrganisationClaimConnection: OrganisationClaimConnectionParent;
  OrganisationClaimEdge: Omit<OrganisationClaimEdge, 'node'> & { node: ResolversParentTypes['OrganisationClaim'] };
  OrganisationClaimPayload: Omit<OrganisationClaimPayload, 'claim'> & { claim?: Maybe<ResolversParentTypes['OrganisationClaim']> };
  OrganisationConnection: OrganisationConnectionParent;
  OrganisationEdge: Omit<OrganisationEdge, 'node'> & { node: ResolversParentTypes['Organisation'] };
  OrganisationFilter: OrganisationFilter;
  OrganisationPayload: Omit<OrganisationPayload, 'organisation'> & { organisation?: Maybe<ResolversParentTypes['Organisation']> };
  OrganisationPermissions: OrganisationPermissions;
  OtherFunder: OtherFunder;
  OtherFunderInput: OtherFunderInput;
  OutboxMessage: OutboxMessageDoc;
  OutboxMessageConnection: OutboxMessageConnectionParent;
  OutboxMessageEdge: Omit<OutboxMessageEdge, 'node'> & { node: ResolversParentTypes['OutboxMessage'] };
  PageInfo: PageInfo;
  Partnership: PartnershipDoc;
  PartnershipPayload: Omit<PartnershipPayload, 'partnership'> & { partnership?: Maybe<ResolversParentTypes['Partnership']> };
  PartnershipPermissions: PartnershipPermissions;
  PaymentTranche: PaymentTranche;
  PrivateContact: PrivateContact;
  PrivateContactInput: PrivateContactInput;
  Query: Record<PropertyKey, never>;
  ReconciliationPayload: ReconciliationPayload;
  ReconciliationReport: ReconciliationReport;
  RecordPaymentInput: RecordPaymentInput;
  RedeliverWebhookDeliveryPayload: Omit<RedeliverWebhookDeliveryPayload, 'delivery'> & { delivery?: Maybe<ResolversParentTypes['WebhookDelivery']> };
  RegisterInput: RegisterInput;
  RegistryClash: RegistryClashParent;
  RejectInput: RejectInput;
  ResetPasswordPayload: Omit<ResetPasswordPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  ReviewInput: ReviewInput;
  ReviewScore: ReviewScore;
  ReviewScoreInput: ReviewScoreInput;
  RotateWebhookSecretPayload: Omit<RotateWebhookSecretPayload, 'webhook'> & { webhook?: Maybe<ResolversParentTypes['Webhook']> };
  SpentLine: SpentLine;
  SpentLineInput: SpentLineInput;
  String: Scalars['String']['output'];
  ThresholdAlert: ThresholdAlertParent;
  TrancheInput: TrancheInput;
  UpdateBudgetEnvelopeInput: UpdateBudgetEnvelopeInput;
  UpdateDomainInput: UpdateDomainInput;
  UpdateFundingProgrammeInput: UpdateFundingProgrammeInput;
  UpdateGrantApplicationInput: UpdateGrantApplicationInput;
  UpdateNeighbourhoodInput: UpdateNeighbourhoodInput;
  UpdateNotificationPreferencesInput: UpdateNotificationPreferencesInput;
  UpdateNotificationPreferencesPayload: UpdateNotificationPreferencesPayload;
  UpdateOrganisationInput: UpdateOrganisationInput;
  UpdateUserInput: UpdateUserInput;
  User: UserParent;
  UserConnection: UserConnectionParent;
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  UserError: UserError;
  UserFilter: UserFilter;
  UserPayload: Omit<UserPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  VerifyEmailPayload: Omit<VerifyEmailPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  VoteConventionYearInput: VoteConventionYearInput;
  Webhook: WebhookDoc;
  WebhookDelivery: OutboxMessageDoc;
  WebhookDeliveryConnection: OutboxMessageConnectionParent;
  WebhookDeliveryEdge: Omit<WebhookDeliveryEdge, 'node'> & { node: ResolversParentTypes['WebhookDelivery'] };
  WithdrawGrantInput: WithdrawGrantInput;
  YearAmount: YearAmount;
  YearAmountInput: YearAmountInput;
};

export type ListSizeDirectiveArgs = {
  assumedSize?: Maybe<Scalars['Int']['input']>;
  sizedFields?: Maybe<Array<Scalars['String']['input']>>;
  slicingArguments?: Maybe<Array<Scalars['String']['input']>>;
};

export type ListSizeDirectiveResolver<Result, Parent, ContextType = Context, Args = ListSizeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccountRequestPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccountRequestPayload'] = ResolversParentTypes['AccountRequestPayload']> = {
  accepted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ActivityRecordResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActivityRecord'] = ResolversParentTypes['ActivityRecord']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  fromStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  toStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ActivityRecordConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActivityRecordConnection'] = ResolversParentTypes['ActivityRecordConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ActivityRecordEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ActivityRecordEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActivityRecordEdge'] = ResolversParentTypes['ActivityRecordEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ActivityRecord'], ParentType, ContextType>;
};

export type AddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = {
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postcode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  street?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AttachedDocumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AttachedDocument'] = ResolversParentTypes['AttachedDocument']> = {
  attachedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  attachedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  document?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
  requirementId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BeneficiarySnapshotResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BeneficiarySnapshot'] = ResolversParentTypes['BeneficiarySnapshot']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rna?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  siret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BudgetEnvelopeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BudgetEnvelope'] = ResolversParentTypes['BudgetEnvelope']> = {
  committed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  programme?: Resolver<ResolversTypes['FundingProgramme'], ParentType, ContextType>;
  remaining?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type BudgetEnvelopePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BudgetEnvelopePayload'] = ResolversParentTypes['BudgetEnvelopePayload']> = {
  envelope?: Resolver<Maybe<ResolversTypes['BudgetEnvelope']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type BudgetLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BudgetLine'] = ResolversParentTypes['BudgetLine']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['BudgetLineKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChangePasswordPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChangePasswordPayload'] = ResolversParentTypes['ChangePasswordPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  token?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type CityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['City'] = ResolversParentTypes['City']> = {
  address?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  insee?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publicUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  siret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CofundingAlertResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CofundingAlert'] = ResolversParentTypes['CofundingAlert']> = {
  application?: Resolver<ResolversTypes['GrantApplication'], ParentType, ContextType>;
  flag?: Resolver<ResolversTypes['FundingFlag'], ParentType, ContextType>;
  funding?: Resolver<ResolversTypes['GrantFunding'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  related?: Resolver<Array<ResolversTypes['GrantApplication']>, ParentType, ContextType, RequireFields<CofundingAlertRelatedArgs, 'first'>>;
};

export type ConflictOfInterestResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConflictOfInterest'] = ResolversParentTypes['ConflictOfInterest']> = {
  declaredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConflictOfInterestPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConflictOfInterestPayload'] = ResolversParentTypes['ConflictOfInterestPayload']> = {
  conflict?: Resolver<Maybe<ResolversTypes['ConflictOfInterest']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ConventionAmendmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConventionAmendment'] = ResolversParentTypes['ConventionAmendment']> = {
  after?: Resolver<Array<ResolversTypes['YearAmount']>, ParentType, ContextType>;
  amendedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  before?: Resolver<Array<ResolversTypes['YearAmount']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConventionYearResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConventionYear'] = ResolversParentTypes['ConventionYear']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  committedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  councilDecision?: Resolver<Maybe<ResolversTypes['CouncilDecision']>, ParentType, ContextType>;
  envelope?: Resolver<Maybe<ResolversTypes['BudgetEnvelope']>, ParentType, ContextType>;
  interimReport?: Resolver<Maybe<ResolversTypes['InterimReport']>, ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConventionYearStatus'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CouncilDecisionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CouncilDecision'] = ResolversParentTypes['CouncilDecision']> = {
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CouncilDecisionPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CouncilDecisionPayload'] = ResolversParentTypes['CouncilDecisionPayload']> = {
  councilDecision?: Resolver<Maybe<ResolversTypes['CouncilDecision']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CoverageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Coverage'] = ResolversParentTypes['Coverage']> = {
  cells?: Resolver<Array<ResolversTypes['CoverageCell']>, ParentType, ContextType>;
  gapCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CoverageCellResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CoverageCell'] = ResolversParentTypes['CoverageCell']> = {
  activeOrganisations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  amountGranted?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  approvedApplications?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  domain?: Resolver<ResolversTypes['Domain'], ParentType, ContextType>;
  isGap?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  neighbourhood?: Resolver<ResolversTypes['Neighbourhood'], ParentType, ContextType>;
};

export type CreateWebhookPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateWebhookPayload'] = ResolversParentTypes['CreateWebhookPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  webhook?: Resolver<Maybe<ResolversTypes['Webhook']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeclareFundingYearPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeclareFundingYearPayload'] = ResolversParentTypes['DeclareFundingYearPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['FundingSummary']>, ParentType, ContextType>;
};

export type DeleteDocumentPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeleteDocumentPayload'] = ResolversParentTypes['DeleteDocumentPayload']> = {
  deletedId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type DeleteWebhookPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeleteWebhookPayload'] = ResolversParentTypes['DeleteWebhookPayload']> = {
  deletedId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type DocumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Document'] = ResolversParentTypes['Document']> = {
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  downloadUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  filename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DocumentKind'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DocumentStatus'], ParentType, ContextType>;
  supersededBy?: Resolver<Maybe<ResolversTypes['Document']>, ParentType, ContextType>;
  supersedes?: Resolver<Maybe<ResolversTypes['Document']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type DocumentChecklistItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DocumentChecklistItem'] = ResolversParentTypes['DocumentChecklistItem']> = {
  document?: Resolver<Maybe<ResolversTypes['Document']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requirement?: Resolver<ResolversTypes['DocumentRequirement'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ChecklistStatus'], ParentType, ContextType>;
  toReplace?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type DocumentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DocumentConnection'] = ResolversParentTypes['DocumentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DocumentEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Document']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DocumentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DocumentEdge'] = ResolversParentTypes['DocumentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
};

export type DocumentRequirementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DocumentRequirement'] = ResolversParentTypes['DocumentRequirement']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DocumentKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxAgeMonths?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  minRequestedAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['RequirementStage'], ParentType, ContextType>;
};

export type DomainResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Domain'] = ResolversParentTypes['Domain']> = {
  archivedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Domain']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Maybe<ResolversTypes['ActivityRecordConnection']>, ParentType, ContextType, RequireFields<DomainHistoryArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Domain']>, ParentType, ContextType>;
  proposal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DomainPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DomainPayload'] = ResolversParentTypes['DomainPayload']> = {
  domain?: Resolver<Maybe<ResolversTypes['Domain']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type FieldChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = {
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FinalReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FinalReport'] = ResolversParentTypes['FinalReport']> = {
  acceptedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  beneficiariesReached?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  documents?: Resolver<Maybe<Array<ResolversTypes['Document']>>, ParentType, ContextType>;
  narrative?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  spentLines?: Resolver<Array<ResolversTypes['SpentLine']>, ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type FundingProgrammeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FundingProgramme'] = ResolversParentTypes['FundingProgramme']> = {
  closesOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documentRequirements?: Resolver<Array<ResolversTypes['DocumentRequirement']>, ParentType, ContextType>;
  domains?: Resolver<Array<ResolversTypes['Domain']>, ParentType, ContextType>;
  eligibleLegalForms?: Resolver<Array<ResolversTypes['LegalForm']>, ParentType, ContextType>;
  envelopes?: Resolver<Array<ResolversTypes['BudgetEnvelope']>, ParentType, ContextType, RequireFields<FundingProgrammeEnvelopesArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isOpen?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  letterTemplates?: Resolver<Maybe<Array<ResolversTypes['LetterTemplate']>>, ParentType, ContextType>;
  maxAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  minAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  opensOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FundingProgrammePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FundingProgrammePayload'] = ResolversParentTypes['FundingProgrammePayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  programme?: Resolver<Maybe<ResolversTypes['FundingProgramme']>, ParentType, ContextType>;
};

export type FundingSourceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FundingSource'] = ResolversParentTypes['FundingSource']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  isPublic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FunderStatus'], ParentType, ContextType>;
};

export type FundingSummaryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FundingSummary'] = ResolversParentTypes['FundingSummary']> = {
  budget?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  cityCash?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cityInKind?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  deMinimis?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  otherPublic?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  thresholds?: Resolver<Array<ResolversTypes['FundingThreshold']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FundingThresholdResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FundingThreshold'] = ResolversParentTypes['FundingThreshold']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  counted?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  crossed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FundingThresholdKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface GeoJsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['GeoJSON'], any> {
  name: 'GeoJSON';
}

export type GeoPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type GrantApplicationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantApplication'] = ResolversParentTypes['GrantApplication']> = {
  assignedTo?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  beneficiaryAtDecision?: Resolver<Maybe<ResolversTypes['BeneficiarySnapshot']>, ParentType, ContextType>;
  budgetLines?: Resolver<Array<ResolversTypes['BudgetLine']>, ParentType, ContextType>;
  changesRequested?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  convention?: Resolver<Maybe<ResolversTypes['GrantConvention']>, ParentType, ContextType>;
  councilDecision?: Resolver<Maybe<ResolversTypes['CouncilDecision']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  decision?: Resolver<Maybe<ResolversTypes['GrantDecision']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documentChecklist?: Resolver<Maybe<Array<ResolversTypes['DocumentChecklistItem']>>, ParentType, ContextType>;
  documents?: Resolver<Maybe<Array<ResolversTypes['AttachedDocument']>>, ParentType, ContextType>;
  expectedBeneficiaries?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  finalReport?: Resolver<Maybe<ResolversTypes['FinalReport']>, ParentType, ContextType>;
  finalReportChecklist?: Resolver<Maybe<Array<ResolversTypes['DocumentChecklistItem']>>, ParentType, ContextType>;
  firstPublishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  funding?: Resolver<ResolversTypes['GrantFunding'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['ActivityRecord']>, ParentType, ContextType, RequireFields<GrantApplicationHistoryArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inKind?: Resolver<Array<ResolversTypes['InKindAid']>, ParentType, ContextType>;
  inKindTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  letters?: Resolver<Maybe<Array<ResolversTypes['GrantLetter']>>, ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['GrantMessage']>, ParentType, ContextType, RequireFields<GrantApplicationMessagesArgs, 'first'>>;
  multiYearConvention?: Resolver<Maybe<ResolversTypes['MultiYearConvention']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  objectives?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
  otherFunders?: Resolver<Array<ResolversTypes['OtherFunder']>, ParentType, ContextType>;
  paidAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  payments?: Resolver<Array<ResolversTypes['PaymentTranche']>, ParentType, ContextType>;
  permissions?: Resolver<ResolversTypes['GrantPermissions'], ParentType, ContextType>;
  privateNotes?: Resolver<Maybe<Array<ResolversTypes['GrantNote']>>, ParentType, ContextType, RequireFields<GrantApplicationPrivateNotesArgs, 'first'>>;
  programme?: Resolver<Maybe<ResolversTypes['FundingProgramme']>, ParentType, ContextType>;
  recovery?: Resolver<Maybe<ResolversTypes['GrantRecovery']>, ParentType, ContextType>;
  reportDueOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  reportOverdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  republicanContractAttested?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requestedAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  reviews?: Resolver<Maybe<Array<ResolversTypes['GrantReview']>>, ParentType, ContextType, RequireFields<GrantApplicationReviewsArgs, 'first'>>;
  status?: Resolver<ResolversTypes['GrantStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  targetDomains?: Resolver<Array<ResolversTypes['Domain']>, ParentType, ContextType>;
  targetNeighbourhoods?: Resolver<Array<ResolversTypes['Neighbourhood']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalExpenses?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  years?: Resolver<Array<ResolversTypes['YearAmount']>, ParentType, ContextType>;
};

export type GrantApplicationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantApplicationConnection'] = ResolversParentTypes['GrantApplicationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['GrantApplicationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GrantApplicationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantApplicationEdge'] = ResolversParentTypes['GrantApplicationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GrantApplication'], ParentType, ContextType>;
};

export type GrantApplicationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantApplicationPayload'] = ResolversParentTypes['GrantApplicationPayload']> = {
  application?: Resolver<Maybe<ResolversTypes['GrantApplication']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type GrantConventionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantConvention'] = ResolversParentTypes['GrantConvention']> = {
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type GrantDecisionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantDecision'] = ResolversParentTypes['GrantDecision']> = {
  amount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  decidedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  decidedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  envelope?: Resolver<Maybe<ResolversTypes['BudgetEnvelope']>, ParentType, ContextType>;
  motivation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['GrantStatus'], ParentType, ContextType>;
};

export type GrantFundingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantFunding'] = ResolversParentTypes['GrantFunding']> = {
  cityAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cityAmountIsDecided?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  flags?: Resolver<Array<ResolversTypes['FundingFlag']>, ParentType, ContextType>;
  otherPublicAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  privateAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  publicAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  publicShareBasisPoints?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['FundingSource']>, ParentType, ContextType>;
  totalCost?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type GrantLetterResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantLetter'] = ResolversParentTypes['GrantLetter']> = {
  document?: Resolver<Maybe<ResolversTypes['Document']>, ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['LetterKind'], ParentType, ContextType>;
};

export type GrantMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantMessage'] = ResolversParentTypes['GrantMessage']> = {
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromApplicant?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type GrantNoteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantNote'] = ResolversParentTypes['GrantNote']> = {
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type GrantPermissionsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantPermissions'] = ResolversParentTypes['GrantPermissions']> = {
  canAcceptReport?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canDecide?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canEdit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canPay?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canReopen?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canReview?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canSubmit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canSubmitReport?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canWithdraw?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type GrantRecoveryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantRecovery'] = ResolversParentTypes['GrantRecovery']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  details?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  earned?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  effectiveOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  paidAtWithdrawal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['WithdrawalReason'], ParentType, ContextType>;
  recoveredOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type GrantReviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantReview'] = ResolversParentTypes['GrantReview']> = {
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  comment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recommendation?: Resolver<ResolversTypes['ReviewRecommendation'], ParentType, ContextType>;
  scores?: Resolver<Array<ResolversTypes['ReviewScore']>, ParentType, ContextType>;
};

export type HeadcountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Headcount'] = ResolversParentTypes['Headcount']> = {
  members?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  staff?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  volunteers?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type InKindAidResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InKindAid'] = ResolversParentTypes['InKindAid']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['InKindKind'], ParentType, ContextType>;
  valuation?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InterimReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InterimReport'] = ResolversParentTypes['InterimReport']> = {
  amountSpent?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  narrative?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type LetterPreviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LetterPreview'] = ResolversParentTypes['LetterPreview']> = {
  kind?: Resolver<ResolversTypes['LetterKind'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LetterTemplateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LetterTemplate'] = ResolversParentTypes['LetterTemplate']> = {
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['LetterKind'], ParentType, ContextType>;
  placeholders?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type LetterTemplatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LetterTemplatePayload'] = ResolversParentTypes['LetterTemplatePayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  template?: Resolver<Maybe<ResolversTypes['LetterTemplate']>, ParentType, ContextType>;
};

export type LoginPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LoginPayload'] = ResolversParentTypes['LoginPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  token?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type MarkNotificationsReadPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MarkNotificationsReadPayload'] = ResolversParentTypes['MarkNotificationsReadPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  markedCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  unreadCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type MembershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = {
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['MembershipRole'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MembershipStatus'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type MembershipPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MembershipPayload'] = ResolversParentTypes['MembershipPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  invited?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  membership?: Resolver<Maybe<ResolversTypes['Membership']>, ParentType, ContextType>;
};

export interface MoneyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Money'], any> {
  name: 'Money';
}

export type MultiYearConventionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MultiYearConvention'] = ResolversParentTypes['MultiYearConvention']> = {
  amendments?: Resolver<Array<ResolversTypes['ConventionAmendment']>, ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  finalReportDueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  years?: Resolver<Array<ResolversTypes['ConventionYear']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acceptFinalReport?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationAcceptFinalReportArgs, 'id'>>;
  acceptMembership?: Resolver<ResolversTypes['MembershipPayload'], ParentType, ContextType, RequireFields<MutationAcceptMembershipArgs, 'organisationId'>>;
  addOrganisationMember?: Resolver<ResolversTypes['MembershipPayload'], ParentType, ContextType, RequireFields<MutationAddOrganisationMemberArgs, 'input'>>;
  addPrivateNote?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationAddPrivateNoteArgs, 'body' | 'id'>>;
  addReview?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationAddReviewArgs, 'id' | 'input'>>;
  amendConvention?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationAmendConventionArgs, 'input'>>;
  approveGrantApplication?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationApproveGrantApplicationArgs, 'id' | 'input'>>;
  archiveDomain?: Resolver<ResolversTypes['DomainPayload'], ParentType, ContextType, RequireFields<MutationArchiveDomainArgs, 'id'>>;
  archiveNeighbourhood?: Resolver<ResolversTypes['NeighbourhoodPayload'], ParentType, ContextType, RequireFields<MutationArchiveNeighbourhoodArgs, 'id'>>;
  attachDocument?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationAttachDocumentArgs, 'input'>>;
  attachToCouncilDecision?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationAttachToCouncilDecisionArgs, 'input'>>;
  changePassword?: Resolver<ResolversTypes['ChangePasswordPayload'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  claimOrganisation?: Resolver<ResolversTypes['OrganisationClaimPayload'], ParentType, ContextType, RequireFields<MutationClaimOrganisationArgs, 'input'>>;
  createBudgetEnvelope?: Resolver<ResolversTypes['BudgetEnvelopePayload'], ParentType, ContextType, RequireFields<MutationCreateBudgetEnvelopeArgs, 'input'>>;
  createCouncilDecision?: Resolver<ResolversTypes['CouncilDecisionPayload'], ParentType, ContextType, RequireFields<MutationCreateCouncilDecisionArgs, 'input'>>;
  createDomain?: Resolver<ResolversTypes['DomainPayload'], ParentType, ContextType, RequireFields<MutationCreateDomainArgs, 'input'>>;
  createFundingProgramme?: Resolver<ResolversTypes['FundingProgrammePayload'], ParentType, ContextType, RequireFields<MutationCreateFundingProgrammeArgs, 'input'>>;
  createGrantApplication?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationCreateGrantApplicationArgs, 'input'>>;
  createNeighbourhood?: Resolver<ResolversTypes['NeighbourhoodPayload'], ParentType, ContextType, RequireFields<MutationCreateNeighbourhoodArgs, 'input'>>;
  createOrganisation?: Resolver<ResolversTypes['OrganisationPayload'], ParentType, ContextType, RequireFields<MutationCreateOrganisationArgs, 'input'>>;
  createPartnership?: Resolver<ResolversTypes['PartnershipPayload'], ParentType, ContextType, RequireFields<MutationCreatePartnershipArgs, 'input'>>;
  createUser?: Resolver<ResolversTypes['UserPayload'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  createWebhook?: Resolver<ResolversTypes['CreateWebhookPayload'], ParentType, ContextType, RequireFields<MutationCreateWebhookArgs, 'input'>>;
  decideOrganisationClaim?: Resolver<ResolversTypes['OrganisationClaimPayload'], ParentType, ContextType, RequireFields<MutationDecideOrganisationClaimArgs, 'id' | 'input'>>;
  declareConflictOfInterest?: Resolver<ResolversTypes['ConflictOfInterestPayload'], ParentType, ContextType, RequireFields<MutationDeclareConflictOfInterestArgs, 'organisationId' | 'reason'>>;
  declareFundingYear?: Resolver<ResolversTypes['DeclareFundingYearPayload'], ParentType, ContextType, RequireFields<MutationDeclareFundingYearArgs, 'input'>>;
  declineMembership?: Resolver<ResolversTypes['MembershipPayload'], ParentType, ContextType, RequireFields<MutationDeclineMembershipArgs, 'organisationId'>>;
  deleteDocument?: Resolver<ResolversTypes['DeleteDocumentPayload'], ParentType, ContextType, RequireFields<MutationDeleteDocumentArgs, 'id'>>;
  deleteWebhook?: Resolver<ResolversTypes['DeleteWebhookPayload'], ParentType, ContextType, RequireFields<MutationDeleteWebhookArgs, 'id'>>;
  detachDocument?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationDetachDocumentArgs, 'input'>>;
  endPartnership?: Resolver<ResolversTypes['PartnershipPayload'], ParentType, ContextType, RequireFields<MutationEndPartnershipArgs, 'id'>>;
  login?: Resolver<ResolversTypes['LoginPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'email' | 'password'>>;
  markNotificationsRead?: Resolver<ResolversTypes['MarkNotificationsReadPayload'], ParentType, ContextType, RequireFields<MutationMarkNotificationsReadArgs, 'input'>>;
  ping?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reconcileEnvelopes?: Resolver<ResolversTypes['ReconciliationPayload'], ParentType, ContextType>;
  recordConvention?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationRecordConventionArgs, 'id' | 'input'>>;
  recordPayment?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationRecordPaymentArgs, 'id' | 'input'>>;
  recordRecovery?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationRecordRecoveryArgs, 'applicationId' | 'recoveredOn'>>;
  redeliverWebhookDelivery?: Resolver<ResolversTypes['RedeliverWebhookDeliveryPayload'], ParentType, ContextType, RequireFields<MutationRedeliverWebhookDeliveryArgs, 'id'>>;
  register?: Resolver<ResolversTypes['AccountRequestPayload'], ParentType, ContextType, RequireFields<MutationRegisterArgs, 'input'>>;
  rejectGrantApplication?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationRejectGrantApplicationArgs, 'id' | 'input'>>;
  reopenGrantApplication?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationReopenGrantApplicationArgs, 'id'>>;
  requestChanges?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationRequestChangesArgs, 'id' | 'message'>>;
  requestPasswordReset?: Resolver<ResolversTypes['AccountRequestPayload'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  resendVerificationEmail?: Resolver<ResolversTypes['AccountRequestPayload'], ParentType, ContextType, RequireFields<MutationResendVerificationEmailArgs, 'email'>>;
  resetPassword?: Resolver<ResolversTypes['ResetPasswordPayload'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'newPassword' | 'token'>>;
  rotateWebhookSecret?: Resolver<ResolversTypes['RotateWebhookSecretPayload'], ParentType, ContextType, RequireFields<MutationRotateWebhookSecretArgs, 'id'>>;
  schedulePayments?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationSchedulePaymentsArgs, 'id' | 'tranches'>>;
  sendGrantMessage?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationSendGrantMessageArgs, 'body' | 'id'>>;
  setDocumentRequirements?: Resolver<ResolversTypes['FundingProgrammePayload'], ParentType, ContextType, RequireFields<MutationSetDocumentRequirementsArgs, 'programmeId' | 'requirements'>>;
  startReview?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationStartReviewArgs, 'id'>>;
  submitFinalReport?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationSubmitFinalReportArgs, 'id' | 'input'>>;
  submitGrantApplication?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationSubmitGrantApplicationArgs, 'id'>>;
  submitInterimReport?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationSubmitInterimReportArgs, 'input'>>;
  updateBudgetEnvelope?: Resolver<ResolversTypes['BudgetEnvelopePayload'], ParentType, ContextType, RequireFields<MutationUpdateBudgetEnvelopeArgs, 'id' | 'input'>>;
  updateDomain?: Resolver<ResolversTypes['DomainPayload'], ParentType, ContextType, RequireFields<MutationUpdateDomainArgs, 'id' | 'input'>>;
  updateFundingProgramme?: Resolver<ResolversTypes['FundingProgrammePayload'], ParentType, ContextType, RequireFields<MutationUpdateFundingProgrammeArgs, 'id' | 'input'>>;
  updateGrantApplication?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationUpdateGrantApplicationArgs, 'id' | 'input'>>;
  updateLetterTemplate?: Resolver<ResolversTypes['LetterTemplatePayload'], ParentType, ContextType, RequireFields<MutationUpdateLetterTemplateArgs, 'kind' | 'programmeId' | 'template'>>;
  updateNeighbourhood?: Resolver<ResolversTypes['NeighbourhoodPayload'], ParentType, ContextType, RequireFields<MutationUpdateNeighbourhoodArgs, 'id' | 'input'>>;
  updateNotificationPreferences?: Resolver<ResolversTypes['UpdateNotificationPreferencesPayload'], ParentType, ContextType, RequireFields<MutationUpdateNotificationPreferencesArgs, 'input'>>;
  updateOrganisation?: Resolver<ResolversTypes['OrganisationPayload'], ParentType, ContextType, RequireFields<MutationUpdateOrganisationArgs, 'id' | 'input'>>;
  updateUser?: Resolver<ResolversTypes['UserPayload'], ParentType, ContextType, RequireFields<MutationUpdateUserArgs, 'id' | 'input'>>;
  verifyEmail?: Resolver<ResolversTypes['VerifyEmailPayload'], ParentType, ContextType, RequireFields<MutationVerifyEmailArgs, 'token'>>;
  verifyOrganisation?: Resolver<ResolversTypes['OrganisationPayload'], ParentType, ContextType, RequireFields<MutationVerifyOrganisationArgs, 'id'>>;
  voteConventionYear?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationVoteConventionYearArgs, 'input'>>;
  withdrawGrant?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationWithdrawGrantArgs, 'input'>>;
  withdrawGrantApplication?: Resolver<ResolversTypes['GrantApplicationPayload'], ParentType, ContextType, RequireFields<MutationWithdrawGrantApplicationArgs, 'id'>>;
};

export type NeighbourhoodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Neighbourhood'] = ResolversParentTypes['Neighbourhood']> = {
  archivedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  geometry?: Resolver<ResolversTypes['GeoJSON'], ParentType, ContextType>;
  history?: Resolver<Maybe<ResolversTypes['ActivityRecordConnection']>, ParentType, ContextType, RequireFields<NeighbourhoodHistoryArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isPriority?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  population?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type NeighbourhoodPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NeighbourhoodPayload'] = ResolversParentTypes['NeighbourhoodPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  neighbourhood?: Resolver<Maybe<ResolversTypes['Neighbourhood']>, ParentType, ContextType>;
};

export type NetworkResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Network'] = ResolversParentTypes['Network']> = {
  edges?: Resolver<Array<ResolversTypes['NetworkEdge']>, ParentType, ContextType>;
  hubThreshold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['NetworkNode']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type NetworkEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NetworkEdge'] = ResolversParentTypes['NetworkEdge']> = {
  from?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PartnershipKind'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type NetworkNodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NetworkNode'] = ResolversParentTypes['NetworkNode']> = {
  degree?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  isHub?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isIsolated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
};

export type NotificationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = {
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NotificationKind'], ParentType, ContextType>;
  link?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type NotificationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NotificationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationEdge'] = ResolversParentTypes['NotificationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
};

export type NotificationPreferenceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationPreference'] = ResolversParentTypes['NotificationPreference']> = {
  delivery?: Resolver<ResolversTypes['NotificationDelivery'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NotificationKind'], ParentType, ContextType>;
  locked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type OpenDataDueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OpenDataDue'] = ResolversParentTypes['OpenDataDue']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  application?: Resolver<ResolversTypes['GrantApplication'], ParentType, ContextType>;
  dueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  legallyRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  signedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type OpenDataExclusionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OpenDataExclusion'] = ResolversParentTypes['OpenDataExclusion']> = {
  application?: Resolver<ResolversTypes['GrantApplication'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OrganisationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Organisation'] = ResolversParentTypes['Organisation']> = {
  acronym?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documents?: Resolver<Maybe<ResolversTypes['DocumentConnection']>, ParentType, ContextType, RequireFields<OrganisationDocumentsArgs, 'first'>>;
  domains?: Resolver<Array<ResolversTypes['Domain']>, ParentType, ContextType>;
  fundingSummary?: Resolver<Maybe<ResolversTypes['FundingSummary']>, ParentType, ContextType, RequireFields<OrganisationFundingSummaryArgs, 'year'>>;
  grantApplications?: Resolver<Array<ResolversTypes['GrantApplication']>, ParentType, ContextType, RequireFields<OrganisationGrantApplicationsArgs, 'first'>>;
  headcount?: Resolver<Maybe<ResolversTypes['Headcount']>, ParentType, ContextType>;
  history?: Resolver<Maybe<ResolversTypes['ActivityRecordConnection']>, ParentType, ContextType, RequireFields<OrganisationHistoryArgs, 'first'>>;
  iban?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isPublic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isVerified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  legalForm?: Resolver<ResolversTypes['LegalForm'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  members?: Resolver<Maybe<Array<ResolversTypes['Membership']>>, ParentType, ContextType, RequireFields<OrganisationMembersArgs, 'first'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  neighbourhoods?: Resolver<Array<ResolversTypes['Neighbourhood']>, ParentType, ContextType>;
  partnerships?: Resolver<Array<ResolversTypes['Partnership']>, ParentType, ContextType, RequireFields<OrganisationPartnershipsArgs, 'first'>>;
  permissions?: Resolver<ResolversTypes['OrganisationPermissions'], ParentType, ContextType>;
  privateContact?: Resolver<Maybe<ResolversTypes['PrivateContact']>, ParentType, ContextType>;
  publicEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publicPhone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registryClash?: Resolver<Maybe<ResolversTypes['RegistryClash']>, ParentType, ContextType>;
  rna?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  servesPriorityNeighbourhood?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  siret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrganisationStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  website?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type OrganisationClaimResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrganisationClaim'] = ResolversParentTypes['OrganisationClaim']> = {
  claimant?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrganisationClaimStatus'], ParentType, ContextType>;
};

export type OrganisationClaimConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrganisationClaimConnection'] = ResolversParentTypes['OrganisationClaimConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrganisationClaimEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrganisationClaimEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrganisationClaimEdge'] = ResolversParentTypes['OrganisationClaimEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['OrganisationClaim'], ParentType, ContextType>;
};

export type OrganisationClaimPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrganisationClaimPayload'] = ResolversParentTypes['OrganisationClaimPayload']> = {
  claim?: Resolver<Maybe<ResolversTypes['OrganisationClaim']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type OrganisationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrganisationConnection'] = ResolversParentTypes['OrganisationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrganisationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrganisationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrganisationEdge'] = ResolversParentTypes['OrganisationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
};

export type OrganisationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrganisationPayload'] = ResolversParentTypes['OrganisationPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
};

export type OrganisationPermissionsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrganisationPermissions'] = ResolversParentTypes['OrganisationPermissions']> = {
  canEdit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canManageMembers?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canSeePrivate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type OtherFunderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OtherFunder'] = ResolversParentTypes['OtherFunder']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  isPublic?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FunderStatus'], ParentType, ContextType>;
};

export type OutboxMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OutboxMessage'] = ResolversParentTypes['OutboxMessage']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['OutboxChannel'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  recipient?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OutboxStatus'], ParentType, ContextType>;
  statusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type OutboxMessageConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OutboxMessageConnection'] = ResolversParentTypes['OutboxMessageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OutboxMessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OutboxMessageEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OutboxMessageEdge'] = ResolversParentTypes['OutboxMessageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['OutboxMessage'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PartnershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Partnership'] = ResolversParentTypes['Partnership']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isActive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PartnershipKind'], ParentType, ContextType>;
  permissions?: Resolver<ResolversTypes['PartnershipPermissions'], ParentType, ContextType>;
  since?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
  until?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type PartnershipPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PartnershipPayload'] = ResolversParentTypes['PartnershipPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  partnership?: Resolver<Maybe<ResolversTypes['Partnership']>, ParentType, ContextType>;
};

export type PartnershipPermissionsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PartnershipPermissions'] = ResolversParentTypes['PartnershipPermissions']> = {
  canEnd?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PaymentTrancheResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentTranche'] = ResolversParentTypes['PaymentTranche']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paidOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PrivateContactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PrivateContact'] = ResolversParentTypes['PrivateContact']> = {
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  apiVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  city?: Resolver<ResolversTypes['City'], ParentType, ContextType>;
  cofundingAlerts?: Resolver<Array<ResolversTypes['CofundingAlert']>, ParentType, ContextType, RequireFields<QueryCofundingAlertsArgs, 'year'>>;
  councilDecisions?: Resolver<Array<ResolversTypes['CouncilDecision']>, ParentType, ContextType, RequireFields<QueryCouncilDecisionsArgs, 'first'>>;
  coverage?: Resolver<ResolversTypes['Coverage'], ParentType, ContextType, Partial<QueryCoverageArgs>>;
  domain?: Resolver<Maybe<ResolversTypes['Domain']>, ParentType, ContextType, RequireFields<QueryDomainArgs, 'id'>>;
  domains?: Resolver<Array<ResolversTypes['Domain']>, ParentType, ContextType, RequireFields<QueryDomainsArgs, 'includeArchived' | 'rootsOnly'>>;
  fundingProgramme?: Resolver<Maybe<ResolversTypes['FundingProgramme']>, ParentType, ContextType, RequireFields<QueryFundingProgrammeArgs, 'id'>>;
  fundingProgrammes?: Resolver<Array<ResolversTypes['FundingProgramme']>, ParentType, ContextType, RequireFields<QueryFundingProgrammesArgs, 'first'>>;
  grantApplication?: Resolver<Maybe<ResolversTypes['GrantApplication']>, ParentType, ContextType, RequireFields<QueryGrantApplicationArgs, 'id'>>;
  grantApplications?: Resolver<ResolversTypes['GrantApplicationConnection'], ParentType, ContextType, RequireFields<QueryGrantApplicationsArgs, 'first'>>;
  grantsAwaitingCouncilDecision?: Resolver<Array<ResolversTypes['GrantApplication']>, ParentType, ContextType, RequireFields<QueryGrantsAwaitingCouncilDecisionArgs, 'first'>>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  myConflictsOfInterest?: Resolver<Array<ResolversTypes['ConflictOfInterest']>, ParentType, ContextType, RequireFields<QueryMyConflictsOfInterestArgs, 'first'>>;
  neighbourhood?: Resolver<Maybe<ResolversTypes['Neighbourhood']>, ParentType, ContextType, RequireFields<QueryNeighbourhoodArgs, 'id'>>;
  neighbourhoodAt?: Resolver<Maybe<ResolversTypes['Neighbourhood']>, ParentType, ContextType, RequireFields<QueryNeighbourhoodAtArgs, 'lat' | 'lng'>>;
  neighbourhoods?: Resolver<Array<ResolversTypes['Neighbourhood']>, ParentType, ContextType, RequireFields<QueryNeighbourhoodsArgs, 'includeArchived' | 'priorityOnly'>>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType, Partial<QueryNetworkArgs>>;
  openDataDue?: Resolver<Array<ResolversTypes['OpenDataDue']>, ParentType, ContextType, RequireFields<QueryOpenDataDueArgs, 'first'>>;
  openDataExclusions?: Resolver<Array<ResolversTypes['OpenDataExclusion']>, ParentType, ContextType, RequireFields<QueryOpenDataExclusionsArgs, 'year'>>;
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType, RequireFields<QueryOrganisationArgs, 'id'>>;
  organisationClaims?: Resolver<ResolversTypes['OrganisationClaimConnection'], ParentType, ContextType, RequireFields<QueryOrganisationClaimsArgs, 'first'>>;
  organisationClashes?: Resolver<ResolversTypes['OrganisationConnection'], ParentType, ContextType, RequireFields<QueryOrganisationClashesArgs, 'first'>>;
  organisations?: Resolver<ResolversTypes['OrganisationConnection'], ParentType, ContextType, RequireFields<QueryOrganisationsArgs, 'first'>>;
  outboxMessages?: Resolver<ResolversTypes['OutboxMessageConnection'], ParentType, ContextType, RequireFields<QueryOutboxMessagesArgs, 'first'>>;
  previewLetter?: Resolver<Maybe<ResolversTypes['LetterPreview']>, ParentType, ContextType, RequireFields<QueryPreviewLetterArgs, 'applicationId' | 'kind'>>;
  thresholdAlerts?: Resolver<Array<ResolversTypes['ThresholdAlert']>, ParentType, ContextType, RequireFields<QueryThresholdAlertsArgs, 'year'>>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QueryUsersArgs, 'first'>>;
  webhookDeliveries?: Resolver<ResolversTypes['WebhookDeliveryConnection'], ParentType, ContextType, RequireFields<QueryWebhookDeliveriesArgs, 'first' | 'webhookId'>>;
  webhooks?: Resolver<Array<ResolversTypes['Webhook']>, ParentType, ContextType, RequireFields<QueryWebhooksArgs, 'first'>>;
};

export type ReconciliationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReconciliationPayload'] = ResolversParentTypes['ReconciliationPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  report?: Resolver<Maybe<ResolversTypes['ReconciliationReport']>, ParentType, ContextType>;
};

export type ReconciliationReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReconciliationReport'] = ResolversParentTypes['ReconciliationReport']> = {
  activitiesFlushed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  commitmentsReleased?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  commitmentsRestored?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  countersFixed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paymentsRestored?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pendingFinished?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pendingRolledBack?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unrepaired?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RedeliverWebhookDeliveryPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RedeliverWebhookDeliveryPayload'] = ResolversParentTypes['RedeliverWebhookDeliveryPayload']> = {
  delivery?: Resolver<Maybe<ResolversTypes['WebhookDelivery']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type RegistryClashResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegistryClash'] = ResolversParentTypes['RegistryClash']> = {
  detectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
  rna?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  siret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ResetPasswordPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ResetPasswordPayload'] = ResolversParentTypes['ResetPasswordPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type ReviewScoreResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReviewScore'] = ResolversParentTypes['ReviewScore']> = {
  criterion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RotateWebhookSecretPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RotateWebhookSecretPayload'] = ResolversParentTypes['RotateWebhookSecretPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  webhook?: Resolver<Maybe<ResolversTypes['Webhook']>, ParentType, ContextType>;
};

export type SpentLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SpentLine'] = ResolversParentTypes['SpentLine']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ThresholdAlertResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ThresholdAlert'] = ResolversParentTypes['ThresholdAlert']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  counted?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FundingThresholdKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UpdateNotificationPreferencesPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateNotificationPreferencesPayload'] = ResolversParentTypes['UpdateNotificationPreferencesPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  preferences?: Resolver<Maybe<Array<ResolversTypes['NotificationPreference']>>, ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  disabled?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  emailVerified?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitations?: Resolver<Maybe<Array<ResolversTypes['Membership']>>, ParentType, ContextType, RequireFields<UserInvitationsArgs, 'first'>>;
  memberships?: Resolver<Maybe<Array<ResolversTypes['Membership']>>, ParentType, ContextType, RequireFields<UserMembershipsArgs, 'first'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notificationPreferences?: Resolver<Maybe<Array<ResolversTypes['NotificationPreference']>>, ParentType, ContextType>;
  notifications?: Resolver<Maybe<ResolversTypes['NotificationConnection']>, ParentType, ContextType, RequireFields<UserNotificationsArgs, 'first' | 'unreadOnly'>>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UserEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserPayload'] = ResolversParentTypes['UserPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type VerifyEmailPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VerifyEmailPayload'] = ResolversParentTypes['VerifyEmailPayload']> = {
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type WebhookResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Webhook'] = ResolversParentTypes['Webhook']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  disabledReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  failingSince?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookDeliveryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  messageId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OutboxStatus'], ParentType, ContextType>;
  statusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type WebhookDeliveryConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WebhookDeliveryConnection'] = ResolversParentTypes['WebhookDeliveryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['WebhookDeliveryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WebhookDeliveryEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WebhookDeliveryEdge'] = ResolversParentTypes['WebhookDeliveryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType>;
};

export type YearAmountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['YearAmount'] = ResolversParentTypes['YearAmount']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AccountRequestPayload?: AccountRequestPayloadResolvers<ContextType>;
  ActivityRecord?: ActivityRecordResolvers<ContextType>;
  ActivityRecordConnection?: ActivityRecordConnectionResolvers<ContextType>;
  ActivityRecordEdge?: ActivityRecordEdgeResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  AttachedDocument?: AttachedDocumentResolvers<ContextType>;
  BeneficiarySnapshot?: BeneficiarySnapshotResolvers<ContextType>;
  BudgetEnvelope?: BudgetEnvelopeResolvers<ContextType>;
  BudgetEnvelopePayload?: BudgetEnvelopePayloadResolvers<ContextType>;
  BudgetLine?: BudgetLineResolvers<ContextType>;
  ChangePasswordPayload?: ChangePasswordPayloadResolvers<ContextType>;
  City?: CityResolvers<ContextType>;
  CofundingAlert?: CofundingAlertResolvers<ContextType>;
  ConflictOfInterest?: ConflictOfInterestResolvers<ContextType>;
  ConflictOfInterestPayload?: ConflictOfInterestPayloadResolvers<ContextType>;
  ConventionAmendment?: ConventionAmendmentResolvers<ContextType>;
  ConventionYear?: ConventionYearResolvers<ContextType>;
  CouncilDecision?: CouncilDecisionResolvers<ContextType>;
  CouncilDecisionPayload?: CouncilDecisionPayloadResolvers<ContextType>;
  Coverage?: CoverageResolvers<ContextType>;
  CoverageCell?: CoverageCellResolvers<ContextType>;
  CreateWebhookPayload?: CreateWebhookPayloadResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DeclareFundingYearPayload?: DeclareFundingYearPayloadResolvers<ContextType>;
  DeleteDocumentPayload?: DeleteDocumentPayloadResolvers<ContextType>;
  DeleteWebhookPayload?: DeleteWebhookPayloadResolvers<ContextType>;
  Document?: DocumentResolvers<ContextType>;
  DocumentChecklistItem?: DocumentChecklistItemResolvers<ContextType>;
  DocumentConnection?: DocumentConnectionResolvers<ContextType>;
  DocumentEdge?: DocumentEdgeResolvers<ContextType>;
  DocumentRequirement?: DocumentRequirementResolvers<ContextType>;
  Domain?: DomainResolvers<ContextType>;
  DomainPayload?: DomainPayloadResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  FinalReport?: FinalReportResolvers<ContextType>;
  FundingProgramme?: FundingProgrammeResolvers<ContextType>;
  FundingProgrammePayload?: FundingProgrammePayloadResolvers<ContextType>;
  FundingSource?: FundingSourceResolvers<ContextType>;
  FundingSummary?: FundingSummaryResolvers<ContextType>;
  FundingThreshold?: FundingThresholdResolvers<ContextType>;
  GeoJSON?: GraphQLScalarType;
  GeoPoint?: GeoPointResolvers<ContextType>;
  GrantApplication?: GrantApplicationResolvers<ContextType>;
  GrantApplicationConnection?: GrantApplicationConnectionResolvers<ContextType>;
  GrantApplicationEdge?: GrantApplicationEdgeResolvers<ContextType>;
  GrantApplicationPayload?: GrantApplicationPayloadResolvers<ContextType>;
  GrantConvention?: GrantConventionResolvers<ContextType>;
  GrantDecision?: GrantDecisionResolvers<ContextType>;
  GrantFunding?: GrantFundingResolvers<ContextType>;
  GrantLetter?: GrantLetterResolvers<ContextType>;
  GrantMessage?: GrantMessageResolvers<ContextType>;
  GrantNote?: GrantNoteResolvers<ContextType>;
  GrantPermissions?: GrantPermissionsResolvers<ContextType>;
  GrantRecovery?: GrantRecoveryResolvers<ContextType>;
  GrantReview?: GrantReviewResolvers<ContextType>;
  Headcount?: HeadcountResolvers<ContextType>;
  InKindAid?: InKindAidResolvers<ContextType>;
  InterimReport?: InterimReportResolvers<ContextType>;
  LetterPreview?: LetterPreviewResolvers<ContextType>;
  LetterTemplate?: LetterTemplateResolvers<ContextType>;
  LetterTemplatePayload?: LetterTemplatePayloadResolvers<ContextType>;
  LoginPayload?: LoginPayloadResolvers<ContextType>;
  MarkNotificationsReadPayload?: MarkNotificationsReadPayloadResolvers<ContextType>;
  Membership?: MembershipResolvers<ContextType>;
  MembershipPayload?: MembershipPayloadResolvers<ContextType>;
  Money?: GraphQLScalarType;
  MultiYearConvention?: MultiYearConventionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Neighbourhood?: NeighbourhoodResolvers<ContextType>;
  NeighbourhoodPayload?: NeighbourhoodPayloadResolvers<ContextType>;
  Network?: NetworkResolvers<ContextType>;
  NetworkEdge?: NetworkEdgeResolvers<ContextType>;
  NetworkNode?: NetworkNodeResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  NotificationEdge?: NotificationEdgeResolvers<ContextType>;
  NotificationPreference?: NotificationPreferenceResolvers<ContextType>;
  OpenDataDue?: OpenDataDueResolvers<ContextType>;
  OpenDataExclusion?: OpenDataExclusionResolvers<ContextType>;
  Organisation?: OrganisationResolvers<ContextType>;
  OrganisationClaim?: OrganisationClaimResolvers<ContextType>;
  OrganisationClaimConnection?: OrganisationClaimConnectionResolvers<ContextType>;
  OrganisationClaimEdge?: OrganisationClaimEdgeResolvers<ContextType>;
  OrganisationClaimPayload?: OrganisationClaimPayloadResolvers<ContextType>;
  OrganisationConnection?: OrganisationConnectionResolvers<ContextType>;
  OrganisationEdge?: OrganisationEdgeResolvers<ContextType>;
  OrganisationPayload?: OrganisationPayloadResolvers<ContextType>;
  OrganisationPermissions?: OrganisationPermissionsResolvers<ContextType>;
  OtherFunder?: OtherFunderResolvers<ContextType>;
  OutboxMessage?: OutboxMessageResolvers<ContextType>;
  OutboxMessageConnection?: OutboxMessageConnectionResolvers<ContextType>;
  OutboxMessageEdge?: OutboxMessageEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Partnership?: PartnershipResolvers<ContextType>;
  PartnershipPayload?: PartnershipPayloadResolvers<ContextType>;
  PartnershipPermissions?: PartnershipPermissionsResolvers<ContextType>;
  PaymentTranche?: PaymentTrancheResolvers<ContextType>;
  PrivateContact?: PrivateContactResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReconciliationPayload?: ReconciliationPayloadResolvers<ContextType>;
  ReconciliationReport?: ReconciliationReportResolvers<ContextType>;
  RedeliverWebhookDeliveryPayload?: RedeliverWebhookDeliveryPayloadResolvers<ContextType>;
  RegistryClash?: RegistryClashResolvers<ContextType>;
  ResetPasswordPayload?: ResetPasswordPayloadResolvers<ContextType>;
  ReviewScore?: ReviewScoreResolvers<ContextType>;
  RotateWebhookSecretPayload?: RotateWebhookSecretPayloadResolvers<ContextType>;
  SpentLine?: SpentLineResolvers<ContextType>;
  ThresholdAlert?: ThresholdAlertResolvers<ContextType>;
  UpdateNotificationPreferencesPayload?: UpdateNotificationPreferencesPayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  UserPayload?: UserPayloadResolvers<ContextType>;
  VerifyEmailPayload?: VerifyEmailPayloadResolvers<ContextType>;
  Webhook?: WebhookResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookDeliveryConnection?: WebhookDeliveryConnectionResolvers<ContextType>;
  WebhookDeliveryEdge?: WebhookDeliveryEdgeResolvers<ContextType>;
  YearAmount?: YearAmountResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  listSize?: ListSizeDirectiveResolver<any, any, ContextType>;
};
