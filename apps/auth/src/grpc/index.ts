export { attachGrpcServer } from './attach-grpc-server';
export { GrpcController } from './grpc-controller.decorator';
