import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * What to do when there is nothing to show yet: send posts with links, connect orders. With
 * reach and clicks but no order ever, only the orders hint remains.
 */
export async function NoData({ workspaceId, any, orders }: { workspaceId: string; any: boolean; orders: boolean }) {
  const t = await getTranslations("dashboards");
  if (any && orders) return null;
  if (any) {
    return (
      <p className="mb-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t("empty.noOrders")}{" "}
        <Link href={`/w/${workspaceId}/dashboards/setup`} className="underline">
          {t("empty.ordersLink")}
        </Link>
      </p>
    );
  }
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
