// Test-only: decides allow/deny for IAM requests with @cloud-copilot/iam-simulate.
// Reads one JSON document per line on stdin:
//   {"policies": [IAM policy document, ...], "requests": [{"action", "resource", "context": {key: string | [string]}}]}
// and answers each with one line: {"results": ["Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied", ...]}
// in request order, or {"error": ...} when the simulator refuses the input (a malformed policy, an
// unknown action or context key), so a test can never mistake a refusal for a denial.
'use strict';
const readline = require('readline');
const { runSimulation } = require('@cloud-copilot/iam-simulate');

const ACCOUNT = '123456789012';
const PRINCIPAL = 'arn:aws:iam::' + ACCOUNT + ':role/service';

async function evaluate(input) {
  const identityPolicies = input.policies.map((policy, i) => ({ name: 'policy' + i, policy }));
  const results = [];
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
      return { error: { request, errors: response.errors } };
    }
    results.push(response.overallResult);
  }
  return { results };
}

async function main() {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let answer;
    try {
      answer = await evaluate(JSON.parse(line));
    } catch (e) {
      answer = { error: String(e && e.stack ? e.stack : e) };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(3);
});
