"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/** Sends the file as the raw body of one PUT, so the server can stream it to disk. */
export function UploadForm({ workspaceId, groups, maxMb }: { workspaceId: string; groups: { id: string; name: string }[]; maxMb: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const file = data.get("file");
        if (!(file instanceof File) || file.size === 0) return setError(t("validation.required"));
        if (file.size > maxMb * 1024 * 1024) return setError(t("validation.fileTooLarge"));
        setBusy(true);
        setError(null);
        const query = new URLSearchParams({ filename: file.name, groupId: String(data.get("groupId") ?? "") });
        const response = await fetch(`/w/${workspaceId}/members/import/upload?${query}`, { method: "PUT", body: file });
        const body = (await response.json().catch(() => ({ error: "errors.unexpected" }))) as { id?: string; error?: string };
        setBusy(false);
        if (body.id) router.push(`/w/${workspaceId}/members/import/${body.id}`);
        else setError(t(body.error ?? "errors.unexpected"));
      }}
    >
      <div className="space-y-1">
        <label htmlFor="import-file" className="block text-sm font-medium">
          {t("import.file")}
        </label>
        <input id="import-file" name="file" type="file" accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="block text-sm" aria-describedby="import-file-hint" />
        <p id="import-file-hint" className="text-xs text-stone-500">
          {t("import.fileHint", { mb: maxMb })}
        </p>
        {error ? <p className="text-sm text-red-700">{error}</p> : null}
      </div>
      <div className="space-y-1">
        <label htmlFor="import-group" className="block text-sm font-medium">
          {t("import.target")}
        </label>
        <select id="import-group" name="groupId" className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm">
          <option value="">{t("import.targetByColumn")}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" pending={busy}>
        {t("import.upload")}
      </Button>
      <FormMessage />
    </form>
  );
}
