import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";

export async function SignOutButton() {
  const t = await getTranslations("common");
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="ghost" className="w-full justify-start">
        {t("signOut")}
      </Button>
    </form>
  );
}
