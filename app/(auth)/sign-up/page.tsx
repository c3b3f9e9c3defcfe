import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "注册 Sign up" };

export default async function SignUpPage() {
  if (await getSession()) redirect("/");
  return <SignUpForm />;
}
