package main
import _ "github.com/go-text/typesetting/font"
import _ "github.com/go-text/typesetting/shaping"
import _ "gioui.org/gpu"
import _ "gioui.org/op"
import _ "golang.org/x/net/html"
import _ "github.com/tdewolff/parse/v2/css"
import _ "github.com/go-gl/glfw/v3.3/glfw"
import _ "github.com/go-gl/gl/v3.1/gles2"
func main(){}
