module zhpolicy/bench/segment/gojieba

go 1.26

require github.com/yanyiwu/gojieba v1.4.6
