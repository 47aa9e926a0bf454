locals {
  # oidc.eks.<region>.amazonaws.com/id/<id>: the prefix of the token claims in trust conditions.
  oidc_issuer = element(split("oidc-provider/", var.oidc_provider_arn), 1)
}

# Both conditions matter: `sub` pins one service account in one namespace, `aud` rejects tokens
# minted for any audience other than STS.
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.namespace}:${var.service_account}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_policy" "this" {
  for_each = var.policies

  name   = "${var.name}-${each.key}"
  policy = each.value
}

resource "aws_iam_role_policy_attachment" "this" {
  for_each = aws_iam_policy.this

  role       = aws_iam_role.this.name
  policy_arn = each.value.arn
}
