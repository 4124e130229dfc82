// The grants steps announce themselves: over HTTP, submitting an application acknowledges receipt to the
// organisation's managers (CRPA L231-4 / R112-5) and tells the officers; changes requested, a message and
// a decision reach the other side once on each channel; and an SMTP server that is down fails no request.
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { tokenFor } from '../../helpers/factories';
import { testConfig } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';
import { createDispatcher } from '../../../src/modules/messaging/dispatcher';
import { smtpTransport } from '../../../src/modules/messaging/channels/email';
import { OutboxMessageModel } from '../../../src/modules/messaging/messaging.model';
import { draftApplication, makeCast, makeProgramme, restoreClock } from '../grants/fixtures';
import { emailText, startReceiver, startSmtp, type Receiver, type Smtp } from './receivers';

useTestDatabase();
const log = createLogger('silent');
let server: TestServer;
let smtp: Smtp;
let receiver: Receiver;

beforeAll(async () => {
  restoreClock();
  smtp = await startSmtp();
  receiver = await startReceiver();
  server = await startServer({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await server.close();
  await smtp.close();
  await receiver.close();
});

async function dispatch() {
  const config = testConfig({ smtpUrl: smtp.url });
  const d = createDispatcher({ config, log, jobs: false, email: smtpTransport(smtp.url, config.mailFrom) });
  const report = await d.dispatchOnce();
  await d.stop();
  return report;
}
const textsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email)).map((m) => emailText(m.raw));
const step = (name: string, args: string) => `mutation ($id: ID!) { ${name}(id: $id${args}) { application { status } errors { code message } } }`;

it('submitted, changes requested, message, decided: each told once to the right people, by email, notification and webhook', async () => {
  const { org, member, officer, officer2, admin } = await makeCast();
  const programme = await makeProgramme();
  const hook = dataOf(
    await server.gql(
      `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { secret errors { code } } }`,
      { input: { url: receiver.url, events: ['grant_application.submitted', 'grant_application.changes_requested', 'grant_application.decided'] } },
      tokenFor(admin),
    ),
  ).createWebhook;
  const draft = await draftApplication(member, org, programme);
  const id = String(draft._id);

  // The SMTP server is down when the application is submitted: the request succeeds all the same.
  smtp.failing = true;
  const submitted = dataOf(await server.gql(step('submitGrantApplication', ''), { id }, tokenFor(member))).submitGrantApplication;
  expect(submitted).toEqual({ application: { status: 'SUBMITTED' }, errors: [] });
  expect((await dispatch()).retried).toBeGreaterThanOrEqual(2);
  smtp.failing = false;
  await OutboxMessageModel.updateMany({ status: 'PENDING' }, { $set: { nextAttemptAt: new Date(0) } });
  await dispatch();

  const ack = textsTo(member.email);
  expect(ack).toHaveLength(1);
  expect(ack[0]).toContain(draft.number);
  expect(ack[0]).toContain('L231-4');
  expect(ack[0]).toContain('R112-5');
  expect(ack[0]).toMatch(/recours gracieux/);
  expect(ack[0]).toMatch(/tribunal administratif/);
  expect(textsTo(officer.email)).toHaveLength(1);
  expect(textsTo(officer2.email)).toHaveLength(1);

  dataOf(await server.gql(step('startReview', ''), { id }, tokenFor(officer)));
  dataOf(await server.gql(`mutation ($id: ID!) { requestChanges(id: $id, message: "Budget à préciser") { errors { code } } }`, { id }, tokenFor(officer)));
  dataOf(
    await server.gql(`mutation ($id: ID!) { sendGrantMessage(id: $id, body: "Voici le budget détaillé.") { errors { code } } }`, { id }, tokenFor(member)),
  );
  await dispatch();
  expect(textsTo(member.email).filter((t) => t.includes('modifications'))).toHaveLength(1);
  // The assigned officer hears of the applicant's message; its text stays in the application.
  const told = textsTo(officer.email).filter((t) => t.includes('Nouveau message') || t.includes('a écrit un message'));
  expect(told).toHaveLength(1);
  expect(told[0]).not.toContain('budget détaillé');
  expect(textsTo(officer2.email).filter((t) => t.includes('a écrit un message'))).toHaveLength(0);

  dataOf(await server.gql(step('submitGrantApplication', ''), { id }, tokenFor(member)));
  dataOf(await server.gql(step('startReview', ''), { id }, tokenFor(officer)));
  const rejected = dataOf(
    await server.gql(
      `mutation ($id: ID!) { rejectGrantApplication(id: $id, input: { motivation: "Hors du champ de l'appel." }) { application { status } errors { code } } }`,
      { id },
      tokenFor(officer),
    ),
  ).rejectGrantApplication;
  expect(rejected.errors).toEqual([]);
  await dispatch();
  const decided = textsTo(member.email).filter((t) => t.includes('Motivation'));
  expect(decided).toHaveLength(1);
  expect(decided[0]).toContain("Hors du champ de l'appel.");
  expect(textsTo(member.email).filter((t) => t.includes('Accusé') || t.includes('a été reçue'))).toHaveLength(2); // submitted twice

  const notes = dataOf(await server.gql(`{ me { notifications(first: 20) { edges { node { kind } } } } }`, {}, tokenFor(member))).me.notifications.edges.map(
    (e: { node: { kind: string } }) => e.node.kind,
  );
  expect(notes.sort()).toEqual([
    'GRANT_APPLICATION_CHANGES_REQUESTED',
    'GRANT_APPLICATION_DECIDED',
    'GRANT_APPLICATION_SUBMITTED',
    'GRANT_APPLICATION_SUBMITTED',
  ]);

  const types = receiver.deliveries.map(
    (d) => new StandardWebhook(hook.secret).verify(d.body, d.headers as Record<string, string>) as { type: string; data: Record<string, unknown> },
  );
  expect(types.map((t) => t.type).sort()).toEqual([
    'grant_application.changes_requested',
    'grant_application.decided',
    'grant_application.submitted',
    'grant_application.submitted',
  ]);
  for (const t of types) expect(JSON.stringify(t.data)).not.toMatch(/Budget à préciser|budget détaillé/);
});
