import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

/** The post page's tracked link: what members click, where it leads, and its clicks and reach so far. */
export async function PostLinkCard(props: { url: string | null; destination: string | null; clicks: number; unique: number; reach: number | null }) {
  const t = await getTranslations("linkTracking");
  return (
    <Card title={t("title")}>
      {props.url ? (
        <div className="space-y-2 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-stone-100 px-2 py-1" data-testid="tracked-url">
              {props.url}
            </code>
            <CopyButton text={props.url} label={t("copyLink")} />
          </p>
          <p className="break-all text-stone-600">{t("destination", { url: props.destination ?? "" })}</p>
          <p className="text-stone-800">{t("counts", { clicks: props.clicks, unique: props.unique })}</p>
        </div>
      ) : (
        <p className="text-sm text-stone-600">{t("none")}</p>
      )}
      <p className="mt-2 text-sm text-stone-800">{props.reach === null ? t("reachPending") : t("reach", { reach: props.reach })}</p>
    </Card>
  );
}
