import Link from "next/link";
import type { ButtonHTMLAttributes, ReactNode } from "react";

const variants = {
  primary: "bg-emerald-700 text-white hover:bg-emerald-800 focus-visible:outline-emerald-700",
  secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-50 focus-visible:outline-stone-500",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50 focus-visible:outline-red-600",
  ghost: "text-stone-700 hover:bg-stone-100 focus-visible:outline-stone-500",
} as const;

const base =
  "inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60";

/** A link that looks like a button: for actions that are a page of their own ("新建社群"). */
export function LinkButton({ href, variant = "primary", children }: { href: string; variant?: keyof typeof variants; children: ReactNode }) {
  return (
    <Link href={href} className={`${base} ${variants[variant]}`}>
      {children}
    </Link>
  );
}

export function Button({
  variant = "primary",
  pending,
  className = "",
  children,
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants; pending?: boolean }) {
  return (
    <button
      {...props}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={`${base} ${variants[variant]} ${className}`}
    >
      {children}
    </button>
  );
}
