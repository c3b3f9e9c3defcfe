import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-stone-600">{t("lead")}</p>
      <Link href="/" className="mt-6 text-emerald-700 underline">
        {t("home")}
      </Link>
    </main>
  );
}
