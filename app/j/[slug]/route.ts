import { answerLivePage } from "@/lib/server/live-page";

// Every request is a scan: never cached, never prerendered.
export const dynamic = "force-dynamic";

/**
 * The public landing page of a live code (no sign-in). A route handler rather than a page: it
 * renders one small HTML document without the console's layout, session or client bundle. In
 * production (`npm start`) the server answers `/j/<slug>` itself before Next sees it
 * (lib/server/http.ts); this handler serves it in development, with the same code.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const answer = await answerLivePage(slug, (name) => request.headers.get(name));
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
