"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/action-result";
import { MODERATION_ACTIONS, MODERATION_KINDS, type ModerationKind, type RuleConfig, type Verdict } from "@/lib/rules/moderation";
import { createModerationRuleAction, deleteModerationRuleAction } from "../actions";

type Rule = { id: string; name: string; groupId: string | null; config: RuleConfig; action: "warn" | "remove"; warningText: string };
type Props = { workspaceId: string; rules: Rule[]; groups: { id: string; name: string }[]; canEdit: boolean };

const box = "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm";

function configOf(kind: ModerationKind, f: { keywords: string; pattern: string; maxMessages: string; windowSeconds: string }): RuleConfig | Record<string, unknown> {
  if (kind === "keyword") return { kind, keywords: f.keywords.split(/[,,、\n]/).map((s) => s.trim()).filter(Boolean) };
  if (kind === "pattern") return { kind, pattern: f.pattern };
  if (kind === "flood") return { kind, maxMessages: f.maxMessages, windowSeconds: f.windowSeconds };
  return { kind };
}

function RuleForm({ workspaceId, groups }: { workspaceId: string; groups: Props["groups"] }) {
  const t = useTranslations("rules");
  const tAll = useTranslations();
  const [kind, setKind] = useState<ModerationKind>("keyword");
  const [f, setF] = useState({ name: "", keywords: "", pattern: "", maxMessages: "5", windowSeconds: "60", action: "warn", warningText: "@%NICKNAME% 本群禁止发广告,请遵守群规。", groupId: "" });
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const err = (k: string) => (result && !result.ok ? result.fieldErrors?.[k]?.map((x) => tAll(x)).join(" ") : undefined);
  const input = (key: keyof typeof f, label: string, extra: Record<string, unknown> = {}) => (
    <label className="block text-sm">
      <span className="font-medium">{label}</span>
      <input className={box} value={f[key]} onChange={(e) => setF({ ...f, [key]: e.target.value })} {...extra} />
    </label>
  );
  return (
    <form
      aria-label={t("addRule")}
      className="grid gap-3 rounded-md border border-stone-200 p-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const r = await createModerationRuleAction(workspaceId, null, { name: f.name, groupId: f.groupId, action: f.action, warningText: f.warningText, config: configOf(kind, f) });
          setResult(r);
          if (r.ok) setF({ ...f, name: "", keywords: "", pattern: "" });
        });
      }}
    >
      <div>
        {input("name", t("ruleName"))}
        {err("name") ? <p className="text-sm text-red-700">{err("name")}</p> : null}
      </div>
      <label className="block text-sm">
        <span className="font-medium">{t("ruleKind")}</span>
        <select className={box} value={kind} onChange={(e) => setKind(e.target.value as ModerationKind)}>
          {MODERATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === "keyword" ? <div className="sm:col-span-2">{input("keywords", t("keywords"))}{err("config.keywords") ? <p className="text-sm text-red-700">{err("config.keywords")}</p> : null}</div> : null}
      {kind === "pattern" ? (
        <div className="sm:col-span-2">
          {input("pattern", t("pattern"))}
          <p className="text-xs text-stone-500">{t("patternHint")}</p>
          {err("config.pattern") ? <p className="text-sm text-red-700">{err("config.pattern")}</p> : null}
        </div>
      ) : null}
      {kind === "flood" ? (
        <>
          {input("maxMessages", t("maxMessages"), { type: "number", min: 1 })}
          {input("windowSeconds", t("windowSeconds"), { type: "number", min: 1 })}
        </>
      ) : null}
      <label className="block text-sm">
        <span className="font-medium">{t("ruleAction")}</span>
        <select className={box} value={f.action} onChange={(e) => setF({ ...f, action: e.target.value })}>
          {MODERATION_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`actions.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="font-medium">{t("ruleScope")}</span>
        <select className={box} value={f.groupId} onChange={(e) => setF({ ...f, groupId: e.target.value })}>
          <option value="">{t("wholeWorkspace")}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <div className="sm:col-span-2">{input("warningText", t("warningText"))}</div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" pending={pending}>
          {t("addRule")}
        </Button>
        <FormMessage error={result && !result.ok ? tAll(result.error) : undefined} success={result?.ok ? tAll("common.saved") : undefined} />
      </div>
    </form>
  );
}

function Tester({ workspaceId, groups }: { workspaceId: string; groups: Props["groups"] }) {
  const t = useTranslations("rules");
  const [text, setText] = useState("");
  const [recent, setRecent] = useState("0");
  const [groupId, setGroupId] = useState("");
  const [out, setOut] = useState<{ verdicts: Verdict[] } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="tester-title" className="space-y-3 rounded-md bg-stone-50 p-3">
      <h3 id="tester-title" className="text-sm font-semibold">
        {t("tester")}
      </h3>
      <label className="block text-sm">
        <span className="font-medium">{t("testMessage")}</span>
        <textarea className={box} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="font-medium">{t("recentCount")}</span>
          <input className={box} type="number" min={0} value={recent} onChange={(e) => setRecent(e.target.value)} />
        </label>
        <label className="text-sm">
          <span className="font-medium">{t("ruleScope")}</span>
          <select className={box} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">{t("wholeWorkspace")}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <Button
          type="button"
          pending={pending}
          onClick={() =>
            startTransition(async () => {
              const r = await fetch(`/w/${workspaceId}/rules/test`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text, recentCount: recent, groupId, sender: t("sampleNickname") }) });
              setOut(r.ok ? await r.json() : { verdicts: [] });
            })
          }
        >
          {t("runTest")}
        </Button>
      </div>
      {out ? (
        <div role="status" data-testid="test-result" className="text-sm">
          {out.verdicts.length === 0 ? (
            <p className="text-emerald-800">{t("passes")}</p>
          ) : (
            <ul className="space-y-1">
              {out.verdicts.map((v) => (
                <li key={v.ruleId}>
                  <Badge tone="amber">{t(`actions.${v.action}`)}</Badge> {v.name} · {t("because", { reason: v.reason })}
                  {v.reply ? <p className="mt-1 rounded bg-white px-2 py-1 text-stone-700">{t("wouldSend", { reply: v.reply })}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}

export function ModerationTab({ workspaceId, rules, groups, canEdit }: Props) {
  const t = useTranslations("rules");
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  return (
    <div className="space-y-6">
      {rules.length === 0 ? <p className="text-sm text-stone-500">{t("noRules")}</p> : null}
      <ul className="divide-y divide-stone-100">
        {rules.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <span>
              <span className="font-medium">{r.name}</span> · {t(`kinds.${r.config.kind}`)} · {t(`actions.${r.action}`)} · {r.groupId ? groupName.get(r.groupId) : t("wholeWorkspace")}
              {r.config.kind === "keyword" ? <span className="block text-xs text-stone-500">{r.config.keywords.join("、")}</span> : null}
            </span>
            {canEdit ? <ActionButton action={deleteModerationRuleAction.bind(null, workspaceId)} fields={{ ruleId: r.id }} label={t("delete")} ariaLabel={`${t("delete")}:${r.name}`} /> : null}
          </li>
        ))}
      </ul>
      {canEdit ? <RuleForm workspaceId={workspaceId} groups={groups} /> : null}
      <Tester workspaceId={workspaceId} groups={groups} />
    </div>
  );
}
