// Test-only: decides allow/deny for IAM requests with @cloud-copilot/iam-simulate.
// stdin: {"policies": [IAM policy document, ...], "requests": [{"action", "resource",
//         "context": {key: string | [string]}}]}
// stdout: [{"result": "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied"}] in request order;
// a validation error of the simulator (a malformed policy, an unknown action or context key)
// exits 2 with the error on stderr, so a test can never mistake it for a denial.
'use strict';
const { runSimulation } = require('@cloud-copilot/iam-simulate');

const ACCOUNT = '123456789012';
const PRINCIPAL = 'arn:aws:iam::' + ACCOUNT + ':role/service';

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const identityPolicies = input.policies.map((policy, i) => ({ name: 'policy' + i, policy }));
  const out = [];
  for (const request of input.requests) {
    const response = await runSimulation({
      identityPolicies,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        action: request.action,
        principal: PRINCIPAL,
        resource: { resource: request.resource, accountId: ACCOUNT },
        contextVariables: request.context,
      },
    }, {});
    if (response.resultType === 'error') {
      process.stderr.write(JSON.stringify({ request, errors: response.errors }, null, 2) + '\n');
      process.exit(2);
    }
    out.push({ result: response.overallResult });
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(3);
});
