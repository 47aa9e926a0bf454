# EKS managed add-ons, each at the version AWS marks as the default for the cluster's Kubernetes version
# (aws_eks_addon_version with most_recent = false): a version AWS has validated for that release, which
# moves only when kubernetes_version does.
locals {
  # Installed before the nodes: a node is Ready only once the CNI runs on it, and kube-proxy must be there
  # before any Service works. The VPC CNI's network policy agent enforces the NetworkPolicies of k8s/.
  addons_before_nodes = {
    vpc-cni    = jsonencode({ enableNetworkPolicy = "true" })
    kube-proxy = null
  }
  # Deployments: they need nodes to run on. metrics-server feeds the HorizontalPodAutoscalers.
  addons_after_nodes = {
    coredns        = null
    metrics-server = null
  }
}

data "aws_eks_addon_version" "this" {
  for_each = merge(local.addons_before_nodes, local.addons_after_nodes)

  addon_name         = each.key
  kubernetes_version = aws_eks_cluster.this.version
  most_recent        = false
}

resource "aws_eks_addon" "before_nodes" {
  for_each = local.addons_before_nodes

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = data.aws_eks_addon_version.this[each.key].version
  configuration_values        = each.value
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"
}

resource "aws_eks_addon" "after_nodes" {
  for_each = local.addons_after_nodes

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = data.aws_eks_addon_version.this[each.key].version
  configuration_values        = each.value
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  depends_on = [aws_eks_node_group.default]
}
