/** Copyable examples of a signed order request for the setup page (and the README). */
const SAMPLE = {
  type: "order",
  order_id: "T20261130001",
  amount: "129.90",
  occurred_at: "2026-11-30T20:15:00+08:00",
  member: { phone: "13800138000" },
  link_code: "Ab3xY9k",
};

export function curlExample(url: string, workspaceId: string): string {
  return [
    `SECRET='whsec_...'   # the order secret shown once on this page`,
    `TS=$(date +%s)`,
    `BODY='${JSON.stringify(SAMPLE)}'`,
    `SIG=$(printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')`,
    `curl -sS -X POST '${url}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'X-Qunyun-Workspace: ${workspaceId}' \\`,
    `  -H "X-Qunyun-Timestamp: $TS" \\`,
    `  -H "X-Qunyun-Signature: sha256=$SIG" \\`,
    `  --data-raw "$BODY"`,
  ].join("\n");
}

export function nodeExample(url: string, workspaceId: string): string {
  return [
    `import { createHmac } from "node:crypto";`,
    ``,
    `const secret = process.env.QUNYUN_ORDERS_SECRET; // whsec_...`,
    `const body = JSON.stringify(${JSON.stringify(SAMPLE)});`,
    `const timestamp = Math.floor(Date.now() / 1000);`,
    `const signature = "sha256=" + createHmac("sha256", secret).update(\`\${timestamp}.\${body}\`).digest("hex");`,
    ``,
    `const res = await fetch("${url}", {`,
    `  method: "POST",`,
    `  headers: {`,
    `    "Content-Type": "application/json",`,
    `    "X-Qunyun-Workspace": "${workspaceId}",`,
    `    "X-Qunyun-Timestamp": String(timestamp),`,
    `    "X-Qunyun-Signature": signature,`,
    `  },`,
    `  body, // send exactly the bytes that were signed`,
    `});`,
    `console.log(res.status, await res.json()); // 201 new, 200 replay, 409 same id with another body`,
  ].join("\n");
}
