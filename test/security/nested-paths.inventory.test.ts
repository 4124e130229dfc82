// The inventory of nested paths: every field of the schema that leads to an organisation, an application,
// a person or their words, with the check that guards it. A new path fails this test until someone has
// reviewed its check, added it here, and proved it in nested-paths.http.test.ts.
import { getNamedType, isObjectType } from 'graphql';
import { buildSchema } from '../../src/schema';

/** The types whose objects are not for everyone: reaching one is an authorization decision. */
const GUARDED = [
  'Organisation',
  'GrantApplication',
  'User',
  'Membership',
  'PrivateContact',
  'GrantReview',
  'GrantNote',
  'GrantMessage',
  'Partnership',
  'ActivityRecord',
  'ConflictOfInterest',
  // The dossier: an application's documents, checklist and letters (issue 12).
  'AttachedDocument',
  'DocumentChecklistItem',
  'GrantLetter',
  // The vault (issue 12): the documents themselves and the pages of them.
  'Document',
  'DocumentConnection',
  // An organisation's public funding per year and its thresholds (issue 13).
  'FundingSummary',
];

const REVIEWED: Record<string, string> = {
  'Query.organisation': 'getOrganisation: canSeeOrganisation, else null',
  'Query.grantApplication': 'loadApplication: canSeeApplication, else null',
  'Query.me': 'the viewer',
  'Query.myConflictsOfInterest': "OFFICER, ADMIN; the viewer's own",
  'OrganisationEdge.node': 'directoryMatch: visibilityFilter',
  'GrantApplicationEdge.node': 'listGrantApplications: applicationVisibility',
  'Organisation.privateContact': 'canSeePrivate',
  'Organisation.members': 'canSeeMembers',
  'ActivityRecordEdge.node': 'Organisation.history: canSeePrivate (its members; staff not recused), else null',
  'Organisation.grantApplications': 'filtered by canSeeApplication',
  'Organisation.partnerships': 'partnershipsOf: the other end must pass canSeeOrganisation',
  'Partnership.from': 'visibleEnd: canSeeOrganisation, else null',
  'Partnership.to': 'visibleEnd: canSeeOrganisation, else null',
  'NetworkNode.organisation': 'network: directoryMatch (visibility)',
  'GrantApplication.organisation': 'visibleOrganisation: canSeeOrganisation, else null; private fields by canSeePrivate',
  'GrantApplication.assignedTo': 'User fields: email and memberships for the person and staff only',
  'GrantApplication.reviews': 'canSeeInternals',
  'GrantApplication.privateNotes': 'canSeeInternals',
  'GrantApplication.messages': 'canSeeMessages',
  'GrantApplication.history': 'ADD_REVIEW for canSeeInternals only; REQUEST_CHANGES reason for canSeeMessages only',
  'GrantReview.author': 'under reviews (canSeeInternals)',
  'GrantNote.author': 'under privateNotes (canSeeInternals)',
  'GrantMessage.author': 'under messages (canSeeMessages); User fields',
  'GrantDecision.decidedBy': 'User fields',
  'ActivityRecord.actor': 'User fields',
  'User.memberships': 'canSeeAccount (the person and staff)',
  'User.invitations': 'canSeeAccount (the person and staff); invitations grant nothing until accepted',
  'Membership.organisation': 'visibleOrganisation: canSeeOrganisation, else null',
  'Membership.user': 'User fields',
  'ConflictOfInterest.organisation': 'OFFICER, ADMIN only (myConflictsOfInterest, declareConflictOfInterest)',
  'CofundingAlert.application': 'cofundingAlerts: OFFICER, ADMIN (who see every application)',
  'CofundingAlert.related': 'cofundingAlerts: OFFICER, ADMIN',
  'OpenDataExclusion.application': 'openDataExclusions: OFFICER, ADMIN',
  'OpenDataExclusion.organisation': 'openDataExclusions: OFFICER, ADMIN',
  'OrganisationPayload.organisation': 'createOrganisation (own) / updateOrganisation: getOrganisation + canEditOrganisation',
  'MembershipPayload.membership': 'addOrganisationMember: getOrganisation + canManageMembers',
  'PartnershipPayload.partnership': 'createPartnership: both ends visible + canManagePartnership; endPartnership: canManagePartnership',
  'GrantApplicationPayload.application': 'every grants mutation: loadApplication + its checkX',
  'ConflictOfInterestPayload.conflict': 'OFFICER, ADMIN',
  'LoginPayload.user': 'the person who signed in',
  'ChangePasswordPayload.user': 'the signed-in person themself',
  'VerifyEmailPayload.user': 'whoever holds the emailed link; User fields (no email nor memberships for an anonymous caller)',
  'ResetPasswordPayload.user': 'whoever holds the emailed link; User fields (no email nor memberships for an anonymous caller)',
  'UserPayload.user': 'createUser, updateUser: ADMIN',
  'UserEdge.node': 'users: ADMIN',
  'OrganisationClaim.organisation': 'visibleOrganisation: canSeeOrganisation, else null',
  'OrganisationClaim.claimant': 'the claimant themself and staff, else null; User fields',
  'RegistryClash.organisation': 'Organisation.registryClash: staff only; visibleOrganisation',
  'Organisation.fundingSummary': "canSeeFunding: the organisation's members, staff not recused, else null (funding.http.test.ts)",
  'DeclareFundingYearPayload.summary': 'declareFundingYear: canSeeFunding, else NOT_FOUND (funding.http.test.ts)',
  'ThresholdAlert.organisation': 'thresholdAlerts: OFFICER, ADMIN (who see every organisation); recused officers get none of its alerts (funding.http.test.ts)',
  // Proven in test/modules/dossier/dossier.http.test.ts and test/modules/letters/letters.http.test.ts ("who sees").
  'GrantApplication.documents': "canSeeVault (the applicant's members; staff not recused), else null; never coordinators",
  'GrantApplication.documentChecklist': 'canSeeVault, else null',
  'GrantApplication.finalReportChecklist': 'canSeeVault, else null',
  'GrantApplication.letters': 'canSeeVault, else null',
  // Proven in test/security/nested-paths.documents.http.test.ts.
  'Organisation.documents': 'documentsOf: canSeeVault (its members; staff not recused), else null; never coordinators',
  'DocumentConnection.nodes': 'under Organisation.documents (canSeeVault)',
  'DocumentEdge.node': 'under Organisation.documents (canSeeVault)',
  'Document.supersedes': 'the same organisation and kind as the document: under whatever showed it',
  'Document.supersededBy': 'the same organisation and kind as the document: under whatever showed it',
  'AttachedDocument.document': 'under GrantApplication.documents (canSeeVault)',
  'DocumentChecklistItem.document': 'under GrantApplication.documentChecklist / finalReportChecklist (canSeeVault)',
  'GrantLetter.document': 'under GrantApplication.letters (canSeeVault)',
  'FinalReport.documents': 'canSeeVault, else null',
  'AttachedDocument.attachedBy': 'under GrantApplication.documents (canSeeVault); User fields',
  // Proven in test/modules/convention/council-and-in-kind.http.test.ts (a member is refused).
  'Query.grantsAwaitingCouncilDecision': 'OFFICER, ADMIN (who see every application)',
  // Proven in test/modules/opendata/official-schemas.http.test.ts (a member is refused).
  'OpenDataDue.application': 'openDataDue: OFFICER, ADMIN (who see every application)',
};

describe('nested paths inventory', () => {
  it('lists every field leading to a guarded type, each with the check reviewed for it', () => {
    const schema = buildSchema();
    const found: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (GUARDED.includes(getNamedType(field.type).name)) found.push(`${type.name}.${field.name}`);
      }
    }
    expect(found.sort()).toEqual(Object.keys(REVIEWED).sort());
  });

  it('gives budget envelopes and programmes no path to the applications they fund', () => {
    const schema = buildSchema();
    for (const name of ['BudgetEnvelope', 'FundingProgramme', 'CoverageCell', 'GrantFunding', 'FundingSource']) {
      const type = schema.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
      const targets = Object.values(type.getFields()).map((f) => getNamedType(f.type).name);
      expect({ name, guarded: targets.filter((t) => GUARDED.includes(t)) }).toEqual({ name, guarded: [] });
    }
  });
});
