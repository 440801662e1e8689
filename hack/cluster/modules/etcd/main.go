// Command etcd builds etcd's server from its Go module. The upstream main
// package lives in a module whose go.mod has replace directives, which
// 'go install' refuses, so this wrapper calls the same entry point.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
