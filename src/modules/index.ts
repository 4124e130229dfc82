// The modules that make the API. Order matters only for reading.
import type { AppModule } from './module';
import { systemModule } from './system';
import { userModule } from './user/user.resolvers';
import { referenceModule } from './reference/reference.resolvers';
import { organisationModule } from './organisation/organisation.resolvers';
import { networkModule } from './network/network.resolvers';
import { mapModule } from './map/map.module';
import { activityModule } from './activity/activity.resolvers';
import { grantsModule } from './grants/grants.resolvers';
import { conventionModule } from './grants/convention.resolvers';
import { fundingModule } from './grants/funding.resolvers';
import { coordinationModule } from './coordination/coverage.resolvers';
import { opendataModule } from './opendata/opendata.module';
import { messagingModule } from './messaging/messaging.resolvers';
import { documentModule } from './document/document.resolvers';
import { dossierModule } from './grants/dossier.resolvers';
import { lettersModule } from './letters/letters.resolvers';

export const modules: AppModule[] = [
  systemModule,
  userModule,
  referenceModule,
  organisationModule,
  networkModule,
  mapModule,
  activityModule,
  grantsModule,
  conventionModule,
  fundingModule,
  coordinationModule,
  opendataModule,
  messagingModule,
  documentModule,
  dossierModule,
  lettersModule,
];
