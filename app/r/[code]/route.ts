import { answerRedirect } from "@/lib/links/redirect-page";

// Every request is a click: never cached, never prerendered.
export const dynamic = "force-dynamic";

/**
 * A tracked link (no sign-in): 302 to the destination and a click event. In production the
 * custom server answers `/r/<code>` itself before Next (lib/server/http.ts); this handler serves
 * development and anything that reaches Next, with the same implementation.
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const answer = await answerRedirect(code, (name) => request.headers.get(name));
  return new Response(answer.body || null, { status: answer.status, headers: answer.headers });
}
