data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

resource "aws_prometheus_workspace" "this" {
  alias = var.name
}

# The same rule files as `npm run observe`: recording rules, SLO burn-rate and dependency alerts.
resource "aws_prometheus_rule_group_namespace" "this" {
  for_each = fileset(var.rules_dir, "*.rules.yml")

  name         = trimsuffix(each.value, ".rules.yml")
  workspace_id = aws_prometheus_workspace.this.id
  data         = file("${var.rules_dir}/${each.value}")
}

# The workspace's Alertmanager sends every alert to one SNS topic.
resource "aws_sns_topic" "alerts" {
  name              = "${var.name}-alerts"
  kms_master_key_id = "alias/aws/sns"
}

data "aws_iam_policy_document" "alerts_topic" {
  statement {
    sid       = "PrometheusWorkspacePublishes"
    actions   = ["sns:Publish", "sns:GetTopicAttributes"]
    resources = [aws_sns_topic.alerts.arn]

    principals {
      type        = "Service"
      identifiers = ["aps.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_prometheus_workspace.this.arn]
    }
  }
}

resource "aws_sns_topic_policy" "alerts" {
  arn    = aws_sns_topic.alerts.arn
  policy = data.aws_iam_policy_document.alerts_topic.json
}

resource "aws_sns_topic_subscription" "email" {
  count = var.alert_email == null ? 0 : 1

  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = var.alert_email
}

resource "aws_prometheus_alert_manager_definition" "this" {
  workspace_id = aws_prometheus_workspace.this.id
  definition = yamlencode({
    alertmanager_config = {
      route = { receiver = "sns", group_by = ["alertname", "slo", "sli", "job"] }
      receivers = [{
        name = "sns"
        sns_configs = [{
          topic_arn = aws_sns_topic.alerts.arn
          sigv4     = { region = data.aws_region.current.region }
        }]
      }]
    }
  })

  depends_on = [aws_sns_topic_policy.alerts]
}

# The collector: writes metrics to this workspace only, and trace segments to X-Ray.
data "aws_iam_policy_document" "collector" {
  statement {
    sid       = "RemoteWriteToThisWorkspace"
    actions   = ["aps:RemoteWrite"]
    resources = [aws_prometheus_workspace.this.arn]
  }

  # X-Ray's trace-writing actions have no resource-level permissions: "*" is the only resource they take.
  statement {
    sid       = "WriteTraces"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }
}

module "collector_irsa" {
  source = "../irsa"

  name              = "${var.name}-otel-collector"
  oidc_provider_arn = var.oidc_provider_arn
  namespace         = var.namespace
  service_account   = var.collector_service_account
  policies          = { telemetry = data.aws_iam_policy_document.collector.json }
}
