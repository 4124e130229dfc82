// One-shot job (service mongo-init): initiates the replica set rs0 over the three members, once. Run
// again, it finds the set initiated and only waits for a primary; the APIs start after it succeeds.
const members = [
  { _id: 0, host: 'mongo1:27017', priority: 2 },
  { _id: 1, host: 'mongo2:27017', priority: 1 },
  { _id: 2, host: 'mongo3:27017', priority: 1 },
];

try {
  rs.status();
  print('replica set rs0 already initiated');
} catch (err) {
  if (err.codeName !== 'NotYetInitialized') throw err;
  rs.initiate({ _id: 'rs0', members });
  print('replica set rs0 initiated');
}

for (let i = 0; ; i++) {
  const primary = rs.status().members.find((m) => m.stateStr === 'PRIMARY');
  if (primary) {
    print(`primary: ${primary.name}`);
    break;
  }
  if (i >= 120) {
    print('no primary after 120 s');
    quit(1);
  }
  sleep(1000);
}
