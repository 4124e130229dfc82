// GraphQL Code Generator: the TypeScript types of the SDL and of every resolver, written to
// src/generated/graphql.ts (committed; a test fails when it is stale). Run `npm run codegen`.
import type { CodegenConfig } from '@graphql-codegen/cli';

const parent = (type: string) => `../modules/parents#${type}`;

const config: CodegenConfig = {
  schema: 'graphql/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context#Context',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        makeResolverTypeCallable: true,
        scalars: {
          ID: { input: 'string', output: 'string' },
          // Integer euro cents (src/shared/scalars.ts).
          Money: 'number',
          // Parsed into a Date; serialised from a Date or an ISO string.
          DateTime: { input: 'Date', output: 'Date | string' },
          // A YYYY-MM-DD string in; a Date or that string out.
          Date: { input: 'string', output: 'Date | string' },
          // Output only.
          GeoJSON: { input: 'never', output: parent('GeoJsonGeometry') },
        },
        mappers: {
          ActivityRecord: parent('ActivityDoc'),
          ActivityRecordConnection: parent('ActivityRecordConnectionParent'),
          AttachedDocument: parent('AttachedDocumentParent'),
          BudgetEnvelope: parent('BudgetEnvelopeDoc'),
          CofundingAlert: parent('CofundingAlertParent'),
          ConflictOfInterest: parent('ConflictOfInterestDoc'),
          ConventionYear: parent('ConventionYearParent'),
          CouncilDecision: parent('CouncilDecisionDoc'),
          CoverageCell: parent('CoverageCellParent'),
          Document: parent('DocumentDoc'),
          DocumentConnection: parent('DocumentConnectionParent'),
          Domain: parent('DomainDoc'),
          DocumentChecklistItem: parent('ChecklistItemParent'),
          DocumentRequirement: parent('DocumentRequirementParent'),
          FinalReport: parent('FinalReportParent'),
          FundingProgramme: parent('FundingProgrammeDoc'),
          FundingSummary: parent('FundingSummaryParent'),
          GrantRecovery: parent('GrantRecoveryParent'),
          ThresholdAlert: parent('ThresholdAlertParent'),
          GrantApplication: parent('GrantApplicationDoc'),
          GrantApplicationConnection: parent('GrantApplicationConnectionParent'),
          GrantDecision: parent('GrantDecisionParent'),
          GrantFunding: parent('Funding'),
          GrantLetter: parent('LetterDoc'),
          GrantMessage: parent('GrantMessageParent'),
          GrantNote: parent('GrantNoteParent'),
          GrantReview: parent('GrantReviewParent'),
          LetterTemplate: parent('LetterTemplateParent'),
          Membership: parent('MembershipParent'),
          MultiYearConvention: parent('MultiYearConventionParent'),
          Neighbourhood: parent('NeighbourhoodDoc'),
          Network: parent('NetworkParent'),
          Notification: parent('NotificationDoc'),
          NotificationConnection: parent('NotificationConnectionParent'),
          OutboxMessage: parent('OutboxMessageDoc'),
          OutboxMessageConnection: parent('OutboxMessageConnectionParent'),
          Webhook: parent('WebhookDoc'),
          WebhookDelivery: parent('OutboxMessageDoc'),
          WebhookDeliveryConnection: parent('OutboxMessageConnectionParent'),
          NetworkNode: parent('NetworkNodeParent'),
          OpenDataExclusion: parent('Exclusion'),
          Organisation: parent('OrganisationDoc'),
          OrganisationConnection: parent('OrganisationConnectionParent'),
          Partnership: parent('PartnershipDoc'),
          User: parent('UserParent'),
          UserConnection: parent('UserConnectionParent'),
          OrganisationClaim: parent('OrganisationClaimDoc'),
          OrganisationClaimConnection: parent('OrganisationClaimConnectionParent'),
          RegistryClash: parent('RegistryClashParent'),
        },
      },
    },
  },
};

export default config;
