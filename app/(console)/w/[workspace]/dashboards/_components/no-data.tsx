import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** What to do when there is nothing to show yet: send posts with links, connect orders. */
export async function NoData({ workspaceId, orders }: { workspaceId: string; orders: boolean }) {
  const t = await getTranslations("dashboards");
  return (
    <div className="mb-6 rounded-lg border border-dashed border-stone-300 bg-white p-6">
      <h2 className="text-base font-semibold text-stone-900">{t("empty.title")}</h2>
      <ul className="mt-3 list-disc space-y-2 pl-5 text-sm text-stone-700">
        <li>
          {t("empty.posts")}{" "}
          <Link href={`/w/${workspaceId}/calendar`} className="text-emerald-700 underline">
            {t("empty.postsLink")}
          </Link>
        </li>
        {orders ? null : (
          <li>
            {t("empty.orders")}{" "}
            <Link href={`/w/${workspaceId}/dashboards/setup`} className="text-emerald-700 underline">
              {t("empty.ordersLink")}
            </Link>
          </li>
        )}
      </ul>
    </div>
  );
}
