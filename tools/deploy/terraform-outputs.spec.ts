import { DeployError } from './deploy-error';
import { SAMPLE_OUTPUTS_FILE, sampleOutputsDocument } from './test/sample-environment';
import { parseTerraformOutputs } from './terraform-outputs';

describe('reading terraform output -json', () => {
  const parse = (json: string) => () => parseTerraformOutputs(json, 'outputs.json');

  it('takes each output value, and null for the optional ones Terraform leaves out', () => {
    const outputs = parseTerraformOutputs(
      sampleOutputsDocument((document) => delete document.certificate_arn),
      SAMPLE_OUTPUTS_FILE,
    );
    expect(outputs).toMatchObject({ region: 'eu-west-1', db_port: 5432, certificate_arn: null });
    expect(outputs.ecr_repository_urls.like).toBe('210987654321.dkr.ecr.eu-west-1.amazonaws.com/mysfits/like');
  });

  it('names every missing output in one line', () => {
    const missing = sampleOutputsDocument((document) => {
      delete document.vpc_cidr;
      delete document.ecr_repository_urls;
    });
    expect(parse(missing)).toThrow(
      new DeployError('outputs.json lacks the outputs vpc_cidr, ecr_repository_urls: run terraform apply first'),
    );
  });

  it('names an output of the wrong type', () => {
    const wrong = sampleOutputsDocument((document) => (document.db_port.value = '5432'));
    expect(parse(wrong)).toThrow(
      /^outputs.json has unexpected outputs: db_port invalid input: expected number, received string$/,
    );
  });

  it('refuses what is not an outputs document', () => {
    expect(parse('Error: No outputs found')).toThrow('outputs.json is not a terraform output -json document');
    expect(parse('{}')).toThrow(/^outputs.json lacks the outputs region, cluster_name, /);
  });
});
