import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { hasRole } from "@/lib/auth/roles";
import { publicBaseUrl } from "@/lib/links/public-url";
import { curlExample, nodeExample } from "@/lib/orders/examples";
import { getDataSettings } from "@/lib/orders/settings";
import { getWorkspaceContext } from "@/lib/workspaces/context";
import { OrdersSetup } from "./_components/orders-setup";

export const metadata: Metadata = { title: "接入 Setup" };
export const dynamic = "force-dynamic";

export default async function DataSetupPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await getWorkspaceContext((await params).workspace);
  const [t, settings] = await Promise.all([getTranslations("ordersSetup"), getDataSettings(getDb(), ctx.workspace.id)]);
  const url = `${publicBaseUrl(await headers())}/api/webhooks/orders`;
  const headerRows = [
    ["Content-Type", "application/json", t("hContentType")],
    ["X-Qunyun-Workspace", ctx.workspace.id, t("hWorkspace")],
    ["X-Qunyun-Timestamp", "1764505200", t("hTimestamp")],
    ["X-Qunyun-Signature", "sha256=<hex>", t("hSignature")],
  ];
  const curl = curlExample(url, ctx.workspace.id);
  const node = nodeExample(url, ctx.workspace.id);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      <Card title={t("endpointTitle")}>
        <div className="space-y-3 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-stone-600">POST</span>
            <code className="break-all rounded bg-stone-100 px-2 py-1" data-testid="orders-webhook-url">
              {url}
            </code>
            <CopyButton text={url} />
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("headersCaption")}</caption>
              <thead className="text-xs text-stone-500">
                <tr>
                  <th className="py-1 pr-3 font-medium">{t("header")}</th>
                  <th className="py-1 pr-3 font-medium">{t("value")}</th>
                  <th className="py-1 font-medium">{t("meaning")}</th>
                </tr>
              </thead>
              <tbody>
                {headerRows.map(([name, value, meaning]) => (
                  <tr key={name} className="border-t border-stone-100 align-top">
                    <td className="py-1 pr-3 font-mono">{name}</td>
                    <td className="break-all py-1 pr-3 font-mono">{value}</td>
                    <td className="py-1 text-stone-700">{meaning}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="list-disc space-y-1 pl-5 text-stone-700">
            <li>{t("ruleSignature")}</li>
            <li>{t("ruleTimestamp")}</li>
            <li>{t("ruleIdempotency")}</li>
            <li>{t("ruleRefund")}</li>
            <li>{t("ruleAttribution")}</li>
          </ul>
        </div>
      </Card>
      <Card title={t("settingsTitle")} lead={hasRole(ctx.role, "owner") ? undefined : t("ownerOnly")}>
        <OrdersSetup workspaceId={ctx.workspace.id} hasSecret={settings.hasSecret} windowDays={settings.attributionWindowDays} canEdit={hasRole(ctx.role, "owner")} />
      </Card>
      <Card title={t("examplesTitle")} lead={t("examplesLead")}>
        <div className="space-y-4">
          {[
            ["curl", curl],
            ["Node.js", node],
          ].map(([label, code]) => (
            <section key={label} aria-label={label} className="space-y-2">
              <div className="flex items-center justify-between gap-2">
                <h3 className="text-sm font-semibold text-stone-800">{label}</h3>
                <CopyButton text={code!} label={t("copyExample")} />
              </div>
              <pre className="overflow-x-auto rounded-md bg-stone-900 p-3 text-xs leading-relaxed text-stone-100">
                <code>{code}</code>
              </pre>
            </section>
          ))}
        </div>
      </Card>
    </div>
  );
}
