# Amazon Managed Grafana, reading this workspace and X-Ray with a role of its own.
data "aws_iam_policy_document" "grafana_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["grafana.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "grafana" {
  name               = "${var.name}-grafana"
  assume_role_policy = data.aws_iam_policy_document.grafana_trust.json
}

data "aws_iam_policy_document" "grafana" {
  statement {
    sid       = "QueryThisWorkspace"
    actions   = ["aps:QueryMetrics", "aps:GetSeries", "aps:GetLabels", "aps:GetMetricMetadata", "aps:DescribeWorkspace"]
    resources = [aws_prometheus_workspace.this.arn]
  }

  # X-Ray's trace-reading actions have no resource-level permissions either.
  statement {
    sid = "ReadTraces"
    actions = [
      "xray:BatchGetTraces",
      "xray:GetTraceSummaries",
      "xray:GetTraceGraph",
      "xray:GetServiceGraph",
      "xray:GetTimeSeriesServiceStatistics",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "grafana" {
  name   = "query-metrics-and-traces"
  role   = aws_iam_role.grafana.id
  policy = data.aws_iam_policy_document.grafana.json
}

resource "aws_grafana_workspace" "this" {
  name                     = var.name
  account_access_type      = "CURRENT_ACCOUNT"
  authentication_providers = ["AWS_SSO"]
  permission_type          = "CUSTOMER_MANAGED"
  role_arn                 = aws_iam_role.grafana.arn
  data_sources             = ["PROMETHEUS", "XRAY"]
}

resource "aws_grafana_role_association" "admins" {
  count = length(var.grafana_admin_user_ids) > 0 ? 1 : 0

  role         = "ADMIN"
  user_ids     = var.grafana_admin_user_ids
  workspace_id = aws_grafana_workspace.this.id
}
