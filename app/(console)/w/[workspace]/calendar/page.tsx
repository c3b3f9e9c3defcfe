import { AreaPlaceholder } from "@/components/shell/area-placeholder";

export default async function Page({ params }: { params: Promise<{ workspace: string }> }) {
  return <AreaPlaceholder area="calendar" workspaceId={(await params).workspace} />;
}
